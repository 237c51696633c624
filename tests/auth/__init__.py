"""Tests of the access policy: who may open which route, and session-scoped links."""
