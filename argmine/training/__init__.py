"""Train and evaluate the unit classifier."""

from .corpus import DataSource, load_sources, parse_source
from .evaluate import cross_validate, evaluate_model
from .train import train

__all__ = ["DataSource", "load_sources", "parse_source", "train", "evaluate_model", "cross_validate"]
