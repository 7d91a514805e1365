"""The API's routes, one router per resource; ``create_app`` includes them all."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.routes import admin, chat, documents, health, openai, rules, search, staff

ROUTERS: tuple[APIRouter, ...] = (health.router, chat.router, search.router, rules.router, documents.router,
                                  openai.router, staff.router, admin.router)
