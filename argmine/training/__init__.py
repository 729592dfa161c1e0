"""Train and evaluate the unit classifier."""

from .corpus import DataSource, load_sources, parse_source
from .train import train
from .evaluate import evaluate_model, cross_validate

__all__ = ["DataSource", "load_sources", "parse_source", "train", "evaluate_model", "cross_validate"]
