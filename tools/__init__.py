"""Maintainer tools: re-executing notebooks (run through `python course.py`)."""
