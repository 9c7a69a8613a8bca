"""Ledger readers, header aliases, validation and rejects."""
