"""Tests of personal access links."""
