from django import template

from museion.museumday import cards

register = template.Library()


@register.simple_tag
def activity_cards(activities, heading="", embed=False):
    """The cards of a page of activities, each from the cache unless its content changed."""
    return cards.activity_cards(activities, heading=heading, embed=embed)
