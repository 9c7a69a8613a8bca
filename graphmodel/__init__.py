"""graphmodel: party-building-led co-governance networks (党建引领基层治理) as a graph."""

__version__ = "0.1.0"
