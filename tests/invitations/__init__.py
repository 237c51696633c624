"""Tests of invitations and the outbox."""
