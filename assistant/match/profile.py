"""The company profile: what an enterprise knows about itself, the input of a policy match.

Every amount is whole yuan (an integer, or text such as ``"9000万"`` read exactly); every fact may be
left out (``None``), and the match then says which fact it still needs. A field's name is the fact
name the conditions of ``rules/eligibility.yaml`` read (``registered``, ``drug_class``, ...).
A drug class may be written ``1``, ``"1类"`` or ``"Class 1"`` (spellings in ``values.yaml``); a
``registered_place`` alone sets ``registered`` (a Shanghai district is Shanghai).

``CompanyProfile.model_validate(data)`` raises ``pydantic.ValidationError`` on a bad field, a drug
class it cannot read, or a ``registered`` that contradicts ``registered_place``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from assistant.amounts import MAX_YUAN, AmountError, parse_amount
from assistant.conversation.understand import in_shanghai
from index.normalise import normalise
from index.yaml_data import read_yaml

VALUES_PATH = Path(__file__).resolve().parent / "values.yaml"


def _yuan(value: object) -> object:
    """An integer of yuan, or money text with its unit (``9000万``, ``0.9亿``, ``6000元``); a float, a
    boolean, or text without a unit (``"6000"``: 6000元 or 6000万?) is refused."""
    if value is None:
        return None
    if isinstance(value, bool | float):
        raise ValueError(f"{value!r} is not a whole number of yuan; write 90000000 or \"9000万\"")
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("an amount must be more than 0 yuan")
        return Decimal(value)
    if isinstance(value, str):
        try:
            return parse_amount(value, unit_required=True)
        except AmountError as error:
            raise ValueError(str(error)) from None
    if isinstance(value, Decimal):
        return value
    raise ValueError(f"{value!r} is not an amount")


Yuan = Annotated[
    Decimal,
    BeforeValidator(_yuan),
    Field(gt=0, le=MAX_YUAN, decimal_places=0),
    PlainSerializer(int, return_type=int),
    WithJsonSchema({"anyOf": [{"type": "integer", "exclusiveMinimum": 0, "maximum": int(MAX_YUAN)},
                              {"type": "string", "description": "money text such as 9000万 or 0.9亿"}],
                    "description": "whole yuan"}, mode="validation"),
    WithJsonSchema({"type": "integer", "description": "whole yuan"}, mode="serialization"),
]
"""Whole yuan, more than 0 and at most 1万亿: ``90000000`` or ``"9000万"`` in; an integer out."""


class Registration(StrEnum):
    SHANGHAI = "shanghai"
    ELSEWHERE = "elsewhere"


class EntityType(StrEnum):
    DRUG_DEVELOPER = "drug_developer"
    DEVICE_MAKER = "device_maker"
    CRO = "cro"
    CMO = "cmo"
    HOSPITAL = "hospital"
    INSURER = "insurer"
    OTHER = "other"


class EnterpriseSize(StrEnum):
    SMALL_MICRO = "small_micro"  # 小型、微型 (中小微 with 中型)
    MEDIUM = "medium"  # 中型
    LARGE = "large"


class DrugClass(StrEnum):
    CLASS_1 = "1"
    CLASS_2 = "2"  # 改良型新药 included
    GENERIC = "generic"


@cache
def _spellings() -> dict[str, dict[str, str]]:
    """Field → spelling (lower case, no spaces) → the profile's value, from ``values.yaml``."""
    raw = read_yaml(VALUES_PATH)
    return {field: {_compact(str(word)): str(value) for value, words in values.items() for word in [value, *words]}
            for field, values in raw.items()}


def _compact(text: str) -> str:
    return "".join(normalise(text).lower().split())


def _drug_class(value: object) -> object:
    """``1``, ``"1"``, ``"1类"``, ``"Class 1"`` → ``"1"`` (likewise 2 and generic); None stays None."""
    if value is None or isinstance(value, DrugClass):
        return value
    known = isinstance(value, int | str) and not isinstance(value, bool)
    found = _spellings()["drug_class"].get(_compact(str(value))) if known else None
    if found is None:
        raise ValueError(f"{value!r} is not a drug class; write 1 (or 1类, Class 1), 2 (2类, 改良型新药) or generic (仿制药)")
    return found


DrugClassField = Annotated[
    DrugClass | None,
    BeforeValidator(_drug_class),
    WithJsonSchema({"anyOf": [{"enum": ["1", "2", "generic", 1, 2]}, {"type": "null"}],
                    "description": "1, 2 or generic; also written 1类, Class 1, 2类, 改良型新药, 仿制药"},
                   mode="validation"),
]
"""A drug class as the profile holds it, read from the spellings people write (``values.yaml``)."""


class TrialStage(StrEnum):
    PHASE_1 = "phase1"
    PHASE_2 = "phase2"
    PHASE_3 = "phase3"
    CGT_EARLY = "cgt_early"  # 细胞与基因治疗：早期临床试验
    CGT_CONFIRMATORY = "cgt_confirmatory"  # 细胞与基因治疗：确证性临床试验


class TrialLocation(StrEnum):
    DOMESTIC = "domestic"
    OVERSEAS = "overseas"


class Regulator(StrEnum):
    FDA = "fda"
    EMA = "ema"
    CE = "ce"
    PMDA = "pmda"
    WHO = "who"
    BRICS = "brics"
    BELT_AND_ROAD = "belt_and_road"
    OTHER = "other"


class ContractRole(StrEnum):
    CONTRACTOR = "contractor"  # 受托方
    COMMISSIONING = "commissioning"  # 委托方


class InsuranceKind(StrEnum):
    DOMESTIC = "domestic"  # 国内临床试验和产品责任保险
    OVERSEAS = "overseas"  # 海外临床试验和高端医疗设备责任保险


class IndustrialKind(StrEnum):
    NEW_INVESTMENT = "new_investment"  # 工艺技术研发、专业化技术服务平台、产业化基地
    UPGRADE = "upgrade"  # 高端化、智能化、绿色化改造


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DrugTrial(_Record):
    """One drug in one clinical-trial stage; ``rd_spend_yuan`` is that stage's R&D spending."""

    name: str = Field(default="", max_length=80)
    drug_class: DrugClassField = None
    cgt: bool | None = None
    stage: TrialStage | None = None
    trial_location: TrialLocation | None = None
    rd_spend_yuan: Yuan | None = None

    @model_validator(mode="after")
    def _cgt_stage_is_cgt(self) -> DrugTrial:
        """A cell/gene therapy stage (cgt_early, cgt_confirmatory) on a product said not to be one is a
        contradiction: refused naming both fields, never judged on one of them."""
        if self.cgt is False and self.stage in CGT_STAGES:
            raise ValueError(f"stage {self.stage.value!r} is a cell and gene therapy stage but cgt is false; "
                             "set cgt true, or give the stage phase1, phase2 or phase3")
        return self


CGT_STAGES = frozenset({TrialStage.CGT_EARLY, TrialStage.CGT_CONFIRMATORY})


class Device(_Record):
    """One innovative medical device."""

    name: str = Field(default="", max_length=80)
    special_review: bool | None = None
    first_registration_production: bool | None = None
    rd_spend_yuan: Yuan | None = None


class OverseasRegistration(_Record):
    """A product registered with an overseas regulator."""

    name: str = Field(default="", max_length=80)
    drug_class: DrugClassField = None
    regulator: Regulator | None = None
    sold_locally: bool | None = None
    rd_spend_yuan: Yuan | None = None


class LicensingDeal(_Record):
    """An out-licensing deal of overseas rights, with the seller's third-party service costs."""

    name: str = Field(default="", max_length=80)
    upfront_yuan: Yuan | None = None
    service_cost_yuan: Yuan | None = None
    related_party: bool | None = None


class CmoContract(_Record):
    """One product manufactured under contract; ``output_value_yuan`` is its annual output value."""

    name: str = Field(default="", max_length=80)
    applicant_role: ContractRole | None = None
    related_party: bool | None = None
    output_value_yuan: Yuan | None = None


class Insurance(_Record):
    """Premiums actually paid in the year for one kind of insurance."""

    kind: InsuranceKind
    premium_yuan: Yuan | None = None


class TradeFair(_Record):
    """``count`` international events or fairs, each costing ``fee_yuan``."""

    name: str = Field(default="", max_length=80)
    count: int = Field(default=1, ge=1, le=100)
    fee_yuan: Yuan | None = None
    recognised: bool | None = None


class Project(_Record):
    """``count`` projects of one kind with no amount to state (the text sets a ceiling per project)."""

    name: str = Field(default="", max_length=80)
    count: int = Field(default=1, ge=1, le=100)


class IndustrialProject(_Record):
    name: str = Field(default="", max_length=80)
    kind: IndustrialKind
    investment_yuan: Yuan | None = None


class PreclinicalProject(_Record):
    """A preclinical translation project and its interest payable for the year."""

    name: str = Field(default="", max_length=80)
    interest_yuan: Yuan | None = None


class CompanyProfile(_Record):
    """An enterprise as it describes itself: who it is, then its products, projects and amounts."""

    name: str = Field(default="", max_length=80)
    registered: Registration | None = None
    registered_place: str = Field(default="", max_length=40)
    entity_type: EntityType | None = None
    enterprise_size: EnterpriseSize | None = None
    tech_qualification: bool | None = Field(default=None, description="高新技术、专精特新、科技小巨人等资质")
    drug_trials: list[DrugTrial] = Field(default_factory=list, max_length=20)
    devices: list[Device] = Field(default_factory=list, max_length=20)
    overseas_registrations: list[OverseasRegistration] = Field(default_factory=list, max_length=20)
    licensing_deals: list[LicensingDeal] = Field(default_factory=list, max_length=20)
    cmo_contracts: list[CmoContract] = Field(default_factory=list, max_length=20)
    insurance: list[Insurance] = Field(default_factory=list, max_length=10)
    trade_fairs: list[TradeFair] = Field(default_factory=list, max_length=20)
    cro_projects: list[Project] = Field(default_factory=list, max_length=20)
    demonstration_projects: list[Project] = Field(default_factory=list, max_length=20)
    industrial_projects: list[IndustrialProject] = Field(default_factory=list, max_length=20)
    preclinical_projects: list[PreclinicalProject] = Field(default_factory=list, max_length=20)
    guarantee_yuan: Yuan | None = Field(default=None, description="financing guarantee amount requested")

    @model_validator(mode="before")
    @classmethod
    def _registration_from_place(cls, data: Any) -> Any:
        """A place alone says where the company is registered; a place and a ``registered`` that
        disagree are refused, naming both, rather than one silently winning."""
        if not isinstance(data, dict) or not str(data.get("registered_place") or "").strip():
            return data
        place = str(data["registered_place"]).strip()
        implied = Registration.SHANGHAI if in_shanghai(place) else Registration.ELSEWHERE
        stated = data.get("registered")
        if stated is None:
            return {**data, "registered": implied.value}
        if str(stated) in set(Registration) and str(stated) != implied.value:
            where = "in Shanghai" if implied is Registration.SHANGHAI else "not in Shanghai"
            raise ValueError(f"registered is {str(stated)!r} but registered_place {place!r} is {where}; "
                             "give one of the two, or make them agree")
        return data

    @field_validator("insurance")
    @classmethod
    def _one_premium_per_kind(cls, value: list[Insurance]) -> list[Insurance]:
        """The ceilings of （十三） are per insured enterprise: a year's premiums of one kind are one entry."""
        kinds = [entry.kind for entry in value]
        if len(kinds) != len(set(kinds)):
            raise ValueError("give the year's premiums of each kind (domestic, overseas) as one entry")
        return value

    def entity_facts(self) -> dict[str, object]:
        """The facts about the enterprise itself, by the fact names the conditions read."""
        return {
            "registered": self.registered,
            "entity_type": self.entity_type,
            "enterprise_size": self.enterprise_size,
            "tech_qualification": self.tech_qualification,
        }

    @property
    def is_empty(self) -> bool:
        return self == CompanyProfile()
