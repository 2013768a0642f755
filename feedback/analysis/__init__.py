"""Understanding what children and families told us: sentiment, themes, safeguarding.

This package is the only place that imports TextBlob. It imports nothing from Flask,
so it can be used by the app, the CLI and the benchmarks alike.
"""

from feedback.analysis.comment import CommentAnalysis, analyse_comment
from feedback.analysis.themes import ThemeInfo, theme_list

THEMES: tuple[ThemeInfo, ...] = theme_list()

__all__ = ["THEMES", "CommentAnalysis", "ThemeInfo", "analyse_comment"]
