"""Search documents of the library: live public case studies and articles (both public)."""

from django.utils.translation import gettext_lazy as _

from bestpractice.models import ArticleKind, ArticlePage, BestPracticePage, BudgetRange
from network.models import Bundesland, SizeClass
from network.sanitize import strip_html
from search.documents import PUBLIC, DocumentProvider, SearchDocument, register


def _text(*parts):
    return "\n".join(part for part in parts if part)


def _choice_label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


class CaseStudyDocuments(DocumentProvider):
    type = "case_study"
    model = BestPracticePage
    label = _("Praxisbeispiele")
    facets = {
        "bundesland": _("Bundesland"),
        "size_class": _("Stadtgröße"),
        "budget_range": _("Kostenrahmen"),
    }

    def get_queryset(self):
        return (
            BestPracticePage.objects.live()
            .public()
            .select_related("organisation")
            .prefetch_related("tagged_items__tag")
        )

    def build_document(self, page):
        kpis = " ".join(
            f"{block.value['label']} {block.value['value']} {block.value['period']}"
            for block in page.kpis
        )
        return SearchDocument(
            type=self.type,
            id=page.pk,
            title=page.title,
            body=_text(
                page.organisation.name,
                page.summary,
                strip_html(page.problem),
                strip_html(page.approach),
                strip_html(page.results),
                kpis,
                strip_html(page.lessons),
                page.transferability,
            ),
            tags=[tagged.tag.name for tagged in page.tagged_items.all()],
            facets={
                "bundesland": page.bundesland,
                "size_class": page.size_class,
                "budget_range": page.budget_range,
            },
            url=page.url,
            visibility=PUBLIC,
            date=page.first_published_at,
        )

    def facet_value_label(self, name, value):
        choices = {"bundesland": Bundesland, "size_class": SizeClass, "budget_range": BudgetRange}
        return _choice_label(choices[name], value) if name in choices else value


class ArticleDocuments(DocumentProvider):
    type = "article"
    model = ArticlePage
    label = _("Impulse und Aktuelles")
    facets = {"article_kind": _("Art des Artikels")}

    def get_queryset(self):
        return ArticlePage.objects.live().public().prefetch_related("tagged_items__tag")

    def build_document(self, article):
        body_text = " ".join(
            strip_html(str(block.render()))
            for block in article.body
            if block.block_type in {"text", "quote"}
        )
        return SearchDocument(
            type=self.type,
            id=article.pk,
            title=article.title,
            body=_text(article.intro, article.author_name, body_text),
            tags=[tagged.tag.name for tagged in article.tagged_items.all()],
            facets={"article_kind": article.kind},
            url=article.url,
            visibility=PUBLIC,
            date=article.date,
        )

    def facet_value_label(self, name, value):
        return _choice_label(ArticleKind, value) if name == "article_kind" else value


def register_documents():
    register(CaseStudyDocuments())
    register(ArticleDocuments())
