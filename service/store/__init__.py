"""Persistence: SQLAlchemy tables, engine/session set-up, repositories and Alembic migrations.

The repositories take a ``Session`` and plain values (an actor string, a community scope), not
FastAPI objects, so the API, the CLI and the moderator web UI share them.
"""
