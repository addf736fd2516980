"""Database layer: SQLAlchemy models and session helpers."""
