"""The store: SQLAlchemy Core tables, Alembic migrations, SQLite by default, PostgreSQL by URL."""

from marsad.store.db import Store, database_url

__all__ = ["Store", "database_url"]
