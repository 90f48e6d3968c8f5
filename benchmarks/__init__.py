"""Benchmarks: run all with ``uv run python -m benchmarks``; each module also runs alone."""
