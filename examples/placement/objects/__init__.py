"""Versioned objects wrapping the placement database API."""
