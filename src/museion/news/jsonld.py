"""schema.org NewsArticle JSON-LD and Open Graph properties for a post page."""

from django.conf import settings

from .models import Post


def _absolute(path: str) -> str:
    """Site paths get the site's address; a storage URL that is already absolute is kept."""
    return path if path.startswith(("https://", "http://")) else settings.SITE_URL + path


def summary_of(post: Post) -> str:
    from .markdown import plain_text

    return post.summary or plain_text(post.body_html)[:280]


def news_article(post: Post, versions: list[Post]) -> dict:
    url = _absolute(post.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": summary_of(post),
        "inLanguage": post.language,
        "datePublished": post.publish_at.isoformat(),
        "dateModified": max(post.publish_at, post.updated_at).isoformat(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {"@type": "Organization", "name": "Museion", "url": settings.SITE_URL},
        "keywords": [tag.name for tag in post.hashtags.all()],
    }
    if post.author is not None:
        data["author"] = {
            "@type": "Person",
            "name": post.author.get_full_name() or post.author.get_username(),
        }
    else:
        data["author"] = {"@type": "Organization", "name": "Museion"}
    if post.lead_image:
        data["image"] = {
            "@type": "ImageObject",
            "url": _absolute(post.lead_image.url),
            "caption": post.lead_image_alt,
            "creditText": post.lead_image_credit,
        }
    citations = [
        {"@type": "CreativeWork", "name": source.title or source.outlet, "url": source.url,
         "publisher": {"@type": "Organization", "name": source.outlet}}
        for source in post.sources.all()
    ]  # fmt: skip
    if citations:
        data["citation"] = citations
    if post.translation_of_id and post.translation_of.is_published:
        data["translationOfWork"] = {"@id": _absolute(post.translation_of.get_absolute_url())}
    elif not post.translation_of_id and versions:
        data["workTranslation"] = [{"@id": _absolute(v.get_absolute_url())} for v in versions]
    return data


def open_graph(post: Post) -> list[tuple[str, str]]:
    properties = [
        ("og:type", "article"),
        ("og:site_name", "Museion"),
        ("og:title", post.title),
        ("og:description", summary_of(post)),
        ("og:url", _absolute(post.get_absolute_url())),
        ("og:locale", post.language.replace("-", "_")),
        ("article:published_time", post.publish_at.isoformat()),
        ("article:modified_time", max(post.publish_at, post.updated_at).isoformat()),
    ]
    if post.lead_image:
        properties += [
            ("og:image", _absolute(post.lead_image.url)),
            ("og:image:alt", post.lead_image_alt),
        ]
    properties += [("article:tag", tag.name) for tag in post.hashtags.all()]
    return properties
