"""CLI commands (placeholder until the feature lands)."""

from __future__ import annotations
