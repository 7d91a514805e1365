"""The engine: settings, retrieval, award rules, the conversation and the surfaces that serve it."""
