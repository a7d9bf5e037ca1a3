from .choices import ArticleKind, BudgetRange
from .pages import (
    ArticleIndexPage,
    ArticlePage,
    ArticleTag,
    BestPracticeIndexPage,
    BestPracticePage,
    BestPracticeTag,
)
from .submissions import CaseStudySubmission

__all__ = [
    "ArticleIndexPage",
    "ArticleKind",
    "ArticlePage",
    "ArticleTag",
    "BestPracticeIndexPage",
    "BestPracticePage",
    "BestPracticeTag",
    "BudgetRange",
    "CaseStudySubmission",
]
