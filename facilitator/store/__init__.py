"""The local SQLite store: models, engine settings, migrations and backups."""
