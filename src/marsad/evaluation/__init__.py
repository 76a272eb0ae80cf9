"""Scoring the extractors on gold sets that the project keeps as corpus ids and offsets."""
