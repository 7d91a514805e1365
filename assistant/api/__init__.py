"""The HTTP surface: FastAPI routes over the engine, with the Gradio UI mounted at ``/``."""
