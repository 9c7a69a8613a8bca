"""Analyses on the graph view: gaps, hubs, reach, what-if and pairing proposals."""
