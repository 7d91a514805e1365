import pytest
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(settings, engine):
    from assistant.serve import create_served_app

    with TestClient(create_served_app(settings, engine)) as test_client:
        yield test_client


def test_health_and_chat(client):
    assert client.get("/healthz").status_code == 200
    body = client.post("/v1/chat", json={"message": "伦理审查多久"}).json()
    assert body["status"] == "answered" and body["citations"][0]["chunk_id"] == "policy2024:10"
    assert body["citations"][0]["doc_number"] == "沪府办规〔2024〕9号"


def test_calculate_and_rules(client):
    result = client.post("/v1/calculate", json={"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": "6000万"}})
    assert result.json()["amount_yuan"] == 20_000_000
    assert len(client.get("/v1/rules").json()["rules"]) == 21


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"message": ""}, 422), ({"message": 5}, 422), ({"msg": "x"}, 422), ({"message": "x" * 5000}, 413)],
)
def test_bad_chat_requests_get_json_errors(client, payload, status):
    response = client.post("/v1/chat", json=payload)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_unknown_rule_is_404_and_bad_amount_422(client):
    assert client.post("/v1/calculate", json={"rule_id": "nope"}).status_code == 404
    bad = client.post("/v1/calculate", json={"rule_id": "m24-cmo", "inputs": {"base_yuan": "lots"}})
    assert bad.status_code == 422


def test_staff_and_admin_routes_need_tokens(client, settings):
    assert client.get("/v1/staff/questions").status_code == 401
    assert client.get("/v1/staff/questions", headers={"Authorization": "Bearer wrong"}).status_code == 401
    staff_token = settings.staff_token.get_secret_value()
    logged = client.get("/v1/staff/questions", headers={"Authorization": f"Bearer {staff_token}"})
    assert logged.status_code == 200 and logged.json()["questions"]
    assert client.post("/v1/admin/reindex").status_code == 401


def test_wrong_tokens_are_throttled_per_client_after_the_configured_number(settings, engine):
    from assistant.api.app import create_app

    strict = settings.model_copy(update={"token_failures_per_minute": 3})
    right = {"Authorization": f"Bearer {settings.staff_token.get_secret_value()}"}
    wrong = {"Authorization": "Bearer guess-0000000000000"}
    app = create_app(strict, engine)
    with TestClient(app) as http:
        for path, what in (("/v1/staff/questions", "staff"), ("/v1/staff/questions", "staff"), ("/v1/admin/reindex", "admin")):
            response = http.request("GET" if what == "staff" else "POST", path, headers=wrong)
            assert response.status_code == 401
            assert response.json() == {"error": {"code": "unauthorized", "message": f"a valid {what} bearer token is required"}}
        throttled = http.get("/v1/staff/questions", headers=right)  # even the right token, or guessing could go on
        assert throttled.status_code == 429
        wait = int(throttled.headers["Retry-After"])
        assert 1 <= wait <= 60
        assert throttled.json() == {"error": {"code": "too_many_requests",
                                              "message": f"too many wrong tokens from this client; try again in {wait} s"}}
        assert http.post("/v1/chat", json={"message": "伦理审查多久"}).status_code == 200  # only the guarded routes
    with TestClient(app, client=("10.0.0.2", 50000)) as other:  # the same app, another address
        assert other.get("/v1/staff/questions", headers=right).status_code == 200


@pytest.mark.parametrize(("method", "path"), [("GET", "/nope"), ("GET", "/v1/nope"), ("POST", "/v1/nope/deeper"),
                                              ("GET", "/gradio_api/nope"), ("DELETE", "/nope")])
def test_unknown_routes_are_404_in_the_api_shape_even_under_the_ui(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": f"no route {method} {path}"}}


def test_a_known_route_with_the_wrong_method_is_405(client):
    response = client.get("/v1/chat")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert response.json() == {"error": {"code": "method_not_allowed", "message": "GET is not allowed on /v1/chat"}}


def test_openai_sdk_can_use_the_assistant_as_a_model(client):
    from openai import OpenAI

    sdk = OpenAI(api_key="unused", base_url="http://testserver/v1", http_client=client)
    completion = sdk.chat.completions.create(
        model="policy-assistant",
        messages=[{"role": "user", "content": "II期能拿多少"}, {"role": "assistant", "content": "…"},
                  {"role": "user", "content": "研发投入5000万"}],
    )
    assert "2000万元" in completion.choices[0].message.content
    chunks = sdk.chat.completions.create(model="policy-assistant", stream=True,
                                         messages=[{"role": "user", "content": "伦理审查多久"}])
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert "3周" in text and "（十）" in text


def test_ui_is_mounted_at_root(client):
    assert client.get("/").status_code == 200


def test_rules_list_exactly_the_inputs_calculate_accepts(client):
    rules = client.get("/v1/rules").json()["rules"]
    names = sorted({name for rule in rules for name in rule["inputs"]} | {"base", "amount", "colour"})

    def value(name: str) -> str:
        return "2亿" if name.endswith("_yuan") else "是"

    for rule in rules:
        required = {name: value(name) for name in rule["required_inputs"]}
        for name in names:
            response = client.post("/v1/calculate", json={"rule_id": rule["id"], "inputs": {**required, name: value(name)}})
            accepted = response.status_code == 200
            assert accepted == (name in rule["inputs"]), (rule["id"], name, response.json())
            if not accepted:
                assert "does not take" in response.json()["error"]["message"]
        without = client.post("/v1/calculate", json={"rule_id": rule["id"], "inputs": {}})
        assert (without.status_code == 422) == bool(required), (rule["id"], without.json())


def test_completions_answer_the_last_user_message_once_with_the_earlier_ones_as_context(settings, engine, tmp_path):
    """Four user messages, one engine turn: a counting fake chat model (the only fake) is called once,
    the earlier questions fill the award slots without being answered, and no session is left behind."""
    from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
    from langchain_core.messages import AIMessage

    from assistant.api.app import create_app
    from assistant.engine import Engine

    class CountingModel(FakeMessagesListChatModel):
        calls: int = 0

        def bind_tools(self, tools, **kwargs):  # type: ignore[override]
            return self

        def invoke(self, messages, *args, **kwargs):  # type: ignore[override]
            self.calls += 1
            return super().invoke(messages, *args, **kwargs)

    model = CountingModel(responses=[AIMessage(content="最高9999万元。")] * 4)  # the guard refuses it
    subject = Engine(engine.settings, engine.retriever, engine.book, engine.catalogue, chat_model=model)
    own = settings.model_copy(update={"data_dir": tmp_path})
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "1类新药的临床试验有什么支持？"}, {"role": "assistant", "content": "按（五）……"},
        {"role": "user", "content": "II期能拿多少"}, {"role": "assistant", "content": "请告诉我研发投入金额"},
        {"role": "user", "content": "我们在上海注册"}, {"role": "assistant", "content": "好的"},
        {"role": "user", "content": "研发投入5000万"},
    ]
    sessions_before = len(subject.sessions)
    with TestClient(create_app(own, subject)) as http:
        response = http.post("/v1/chat/completions", json={"model": "policy-assistant", "messages": messages})
        logged = http.app.state.service.recent(10)
    assert response.status_code == 200
    assert model.calls == 1
    assert "2000万元" in response.json()["choices"][0]["message"]["content"]  # II期 from the context, 5000万 now
    assert len(subject.sessions) == sessions_before
    assert [q.question for q in logged] == ["研发投入5000万"]
    assert logged[0].surface == "openai"


def test_a_completions_request_without_a_user_message_is_422(client):
    response = client.post("/v1/chat/completions", json={"messages": [{"role": "system", "content": "hi"}]})
    assert response.status_code == 422
    assert response.json() == {"error": {"code": "invalid_request",
                                         "message": "messages must contain a user message with text"}}


def test_every_answer_is_logged_once_with_the_receipt_returned_for_feedback(client, settings):
    response = client.post("/v1/chat", json={"message": "伦理审查多久"})
    answer = response.json()
    assert response.headers["X-PA-Log"] == "stored"
    staff = {"Authorization": f"Bearer {settings.staff_token.get_secret_value()}"}
    logged = client.get("/v1/staff/questions", params={"limit": 1}, headers=staff).json()["questions"]
    assert logged[0]["id"] == answer["question_id"] and logged[0]["surface"] == "api"
    rating = {"answer_id": answer["answer_id"], "feedback_token": answer["feedback_token"], "rating": "like"}
    rated = client.post("/v1/feedback", json=rating)
    assert rated.status_code == 200 and rated.json() == {"ok": True}
    forged = client.post("/v1/feedback", json={**rating, "feedback_token": "guess"})
    assert forged.status_code == 404 and forged.json() == {
        "error": {"code": "not_found", "message": "no answer with this id and feedback token"}}


def test_calculation_language_takes_the_language_names_and_the_first_apis_zh(client):
    body = {"rule_id": "m05-drug-phase2", "inputs": {"base_yuan": "6000万"}}
    english = client.post("/v1/calculate", json={**body, "language": "en"}).json()
    chinese = client.post("/v1/calculate", json={**body, "language": "zh"}).json()
    assert english["formula"] == "min(40% × RMB 60,000,000, RMB 20,000,000) = RMB 20,000,000"
    assert chinese == client.post("/v1/calculate", json={**body, "language": "zh-Hans"}).json()
    assert client.post("/v1/calculate", json={**body, "language": "fr"}).status_code == 422


def test_the_ui_queue_does_not_wake_the_process_every_millisecond(client):
    """Gradio's queue, left at its Linux defaults, looks for work every 1 ms while idle (4–5% of a core)."""
    from starlette.routing import Mount

    from assistant.serve import UI_PROGRESS_POLL_SECONDS, UI_QUEUE_POLL_SECONDS

    ui = next(route.app for route in client.app.routes if isinstance(route, Mount) and route.path == "")
    queue = ui.get_blocks()._queue
    assert queue.sleep_when_free == UI_QUEUE_POLL_SECONDS >= 0.01
    assert queue.progress_update_sleep_when_free == UI_PROGRESS_POLL_SECONDS >= 0.05
