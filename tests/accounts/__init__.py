"""Tests of accounts, signing in and out, sign-in sessions and passwords."""
