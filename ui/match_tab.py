"""The policy-match tab: a company-profile form (each amount with its unit) beside the chat, the match
as Markdown, and the same Markdown as a download an enterprise can hand to its finance team.

``build_match_tab(holder)`` adds the tab inside the app's ``gr.Blocks``; ``match_for_caller(engine,
profile)`` is what the hotline desk calls to run a match for a caller. No domain logic here: the form
becomes a ``CompanyProfile`` and the engine matches it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.amounts import AmountError, parse_amount
from assistant.engine import Engine, InputError
from assistant.match.profile import CompanyProfile
from assistant.match.report import match_markdown

WAN = "万"
UNKNOWN = "未说明"
REGISTERED = [("上海", "shanghai"), ("外地", "elsewhere"), (UNKNOWN, "")]
ENTITY_TYPES = [(UNKNOWN, ""), ("药品研发企业", "drug_developer"), ("医疗器械企业", "device_maker"), ("CRO", "cro"),
                ("CMO/CDMO", "cmo"), ("医疗机构", "hospital"), ("保险机构", "insurer"), ("其他", "other")]
SIZES = [(UNKNOWN, ""), ("中小微科创企业", "small_micro"), ("中型企业", "medium"), ("大型企业", "large")]
YES_NO = [("是", "true"), ("否", "false"), (UNKNOWN, "")]
DRUG_COLUMNS = ["名称", "药品分类（1 / 2 / generic）", "细胞与基因治疗（是/否）",
                "阶段（phase1/phase2/phase3/cgt_early/cgt_confirmatory）", "试验地点（domestic/overseas）", "研发投入（万元）"]
DOWNLOAD_DIR = Path(tempfile.gettempdir()) / "policy-assistant-match"
FORM_FIELDS = ("registered", "entity_type", "size", "qualification", "drugs", "device_review", "device_registered",
               "device_rd", "domestic_premium", "overseas_premium", "fairs", "fair_fee", "fairs_recognised",
               "cmo_output", "upfront", "service_cost", "related_party", "cro_projects", "guarantee")


class FormError(ValueError):
    """A form value that cannot be read; the message names the field."""


def _yuan(text: Any, field: str) -> int | None:
    """A form amount in 万元 (``9000``), or money text with its own unit (``0.9亿``); blank is None."""
    value = str(text or "").strip()
    if not value:
        return None
    try:
        bare = value.replace(",", "").replace(".", "", 1).isdigit()
        return int(parse_amount(value + WAN if bare else value))
    except AmountError as error:
        raise FormError(f"{field}：{error}") from None


def _flag(value: str) -> bool | None:
    return {"true": True, "false": False}.get(value)


def _drug_rows(rows: Any) -> list[dict[str, Any]]:
    """The drug table's filled rows as profile entries (a row with every cell blank is skipped)."""
    values = rows.values.tolist() if hasattr(rows, "values") else (rows or [])
    drugs = []
    for number, row in enumerate(values, start=1):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if not any(cells):
            continue
        name, drug_class, cgt, stage, location, spend = (cells + [""] * 6)[:6]
        drugs.append({
            "name": name, "drug_class": drug_class or None, "cgt": {"是": True, "否": False}.get(cgt),
            "stage": stage or None, "trial_location": location or None,
            "rd_spend_yuan": _yuan(spend, f"药品第{number}行 研发投入"),
        })
    return drugs


def form_profile(values: dict[str, Any]) -> CompanyProfile:
    """The form (field name → value as Gradio gives it) as a profile; raises ``FormError`` naming the field."""
    v = {name: values.get(name) for name in FORM_FIELDS}
    insurance = [{"kind": kind, "premium_yuan": amount} for kind, amount in
                 (("domestic", _yuan(v["domestic_premium"], "国内临床试验/产品责任保险保费")),
                  ("overseas", _yuan(v["overseas_premium"], "海外临床试验保险保费"))) if amount is not None]
    related = _flag(v["related_party"] or "")
    fee = _yuan(v["fair_fee"], "每场展会费用")
    fairs = int(v["fairs"] or 0)
    output = _yuan(v["cmo_output"], "受托年生产产值")
    upfront = _yuan(v["upfront"], "海外权益许可交易首付款")
    service = _yuan(v["service_cost"], "第三方等专业服务投入")
    device_spend = _yuan(v["device_rd"], "医疗器械研发投入")
    special, produced = _flag(v["device_review"] or ""), _flag(v["device_registered"] or "")
    cro = int(v["cro_projects"] or 0)
    data: dict[str, Any] = {
        "registered": v["registered"] or None,
        "entity_type": v["entity_type"] or None,
        "enterprise_size": v["size"] or None,
        "tech_qualification": _flag(v["qualification"] or ""),
        "drug_trials": _drug_rows(v["drugs"]),
        "devices": [{"special_review": special, "first_registration_production": produced,
                     "rd_spend_yuan": device_spend}] if {special, produced, device_spend} != {None} else [],
        "insurance": insurance,
        "trade_fairs": [{"count": fairs, "fee_yuan": fee, "recognised": _flag(v["fairs_recognised"] or "")}] if fairs else [],
        "cmo_contracts": [{"output_value_yuan": output, "applicant_role": "contractor", "related_party": related}]
        if output is not None else [],
        "licensing_deals": [{"upfront_yuan": upfront, "service_cost_yuan": service, "related_party": related}]
        if upfront is not None or service is not None else [],
        "cro_projects": [{"count": cro}] if cro else [],
        "guarantee_yuan": _yuan(v["guarantee"], "融资担保额度"),
    }
    try:
        return CompanyProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise FormError(f"{'.'.join(str(p) for p in first['loc'])}：{first['msg']}") from None


def match_for_caller(engine: Engine, profile: CompanyProfile, language: str = "zh") -> str:
    """The hotline desk's match for a caller: the same Markdown the enterprise's download holds."""
    return match_markdown(engine.match(profile, language))


def _download(markdown: str) -> str:
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".md", prefix="policy-match-",
                                     dir=DOWNLOAD_DIR, delete=False) as file:
        file.write(markdown)
    return file.name


def build_match_tab(holder: Any) -> None:
    """The 政策匹配 tab; call inside the app's ``gr.Blocks``."""

    def run(*values: Any) -> tuple[str, str | None]:
        try:
            markdown = match_for_caller(holder.get(), form_profile(dict(zip(FORM_FIELDS, values, strict=True))))
        except (FormError, InputError) as error:
            return f"⚠ {error}", None
        return markdown, _download(markdown)

    with gr.Tab("政策匹配 Match"):
        gr.Markdown("填写企业情况，列出可申请的每项措施、最高额度（按年度累计上限计）和还缺的信息。金额单位：万元"
                    "（也可写“0.9亿”等带单位的金额）。")
        with gr.Row():
            with gr.Column(scale=1):
                fields: dict[str, Any] = {
                    "registered": gr.Radio(REGISTERED, value="", label="注册地", elem_id="match-registered"),
                    "entity_type": gr.Dropdown(ENTITY_TYPES, value="", label="单位类型"),
                    "size": gr.Dropdown(SIZES, value="", label="企业规模"),
                    "qualification": gr.Radio(YES_NO, value="", label="高新技术/专精特新/科技小巨人资质"),
                    "device_review": gr.Radio(YES_NO, value="", label="医疗器械已进入创新医疗器械特别审查程序"),
                    "device_registered": gr.Radio(YES_NO, value="", label="医疗器械已首次取得注册证并在本市落地生产"),
                    "device_rd": gr.Textbox(label="医疗器械研发投入（万元）"),
                    "domestic_premium": gr.Textbox(label="国内临床试验/产品责任保险保费（万元）"),
                    "overseas_premium": gr.Textbox(label="海外临床试验保险保费（万元）"),
                    "fairs": gr.Number(label="国际性活动和展会（场）", value=0, precision=0, minimum=0, maximum=100),
                    "fair_fee": gr.Textbox(label="每场展会费用（万元）"),
                    "fairs_recognised": gr.Radio(YES_NO, value="", label="展会是否经认定"),
                    "cmo_output": gr.Textbox(label="受托年生产产值（万元，CMO受托方）"),
                    "upfront": gr.Textbox(label="海外权益许可交易首付款（万元）"),
                    "service_cost": gr.Textbox(label="许可交易第三方等专业服务投入（万元）"),
                    "related_party": gr.Radio(YES_NO, value="", label="委托或交易双方有投资等关联关系"),
                    "cro_projects": gr.Number(label="CRO临床试验服务能力提升项目（个）", value=0, precision=0,
                                              minimum=0, maximum=100),
                    "guarantee": gr.Textbox(label="融资担保额度（万元）"),
                }
            with gr.Column(scale=2):
                fields["drugs"] = gr.Dataframe(headers=DRUG_COLUMNS, datatype=["str"] * 6, row_count=3,
                                               label="药品临床试验（研发投入单位：万元）", interactive=True)
                button = gr.Button("匹配政策", variant="primary", elem_id="match-run")
                result = gr.Markdown(elem_id="match-result", sanitize_html=True)
                download = gr.File(label="下载 Markdown", elem_id="match-download")
        button.click(run, [fields[name] for name in FORM_FIELDS], [result, download])
