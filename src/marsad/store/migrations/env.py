"""Alembic environment: runs on the connection that Store.upgrade hands over."""

from alembic import context

from marsad.store.schema import metadata

target_metadata = metadata
connection = context.config.attributes.get("connection")

if connection is None:
    raise RuntimeError("run migrations through marsad.store.Store.upgrade(), which passes a connection")

context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
