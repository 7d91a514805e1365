"""The LLM path: a chat model words the plan's facts; the guard checks every claim against the plan."""
