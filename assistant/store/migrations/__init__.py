"""Alembic migrations of the state store; applied by ``assistant.store.migrate.migrate`` on open."""
