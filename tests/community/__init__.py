"""Tests of the learning community: the dashboard and the continuity grid."""
