"""Who may do what: editors edit their museums' entries, coordinators and staff moderate."""

from django.db.models import Q

from .models import CommitteeKind, Museum


def can_edit_museum(user, museum: Museum) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return museum.editors.filter(pk=user.pk).exists()


def editable_museums(user):
    if not user.is_authenticated:
        return Museum.objects.none()
    if user.is_staff:
        return Museum.objects.all()
    return Museum.objects.filter(editors=user)


def moderated_museums_q(user) -> Q | None:
    """A Q over museums that `user` moderates; None means none at all.

    Staff moderate everything; a national committee's coordinators moderate its country; an
    international committee's or regional alliance's coordinators moderate their member museums.
    """
    if not user.is_authenticated:
        return None
    if user.is_staff:
        return Q()
    committees = list(user.coordinated_committees.all())
    if not committees:
        return None
    query = Q(pk__in=[])
    countries = [c.country.code for c in committees if c.kind == CommitteeKind.NATIONAL]
    others = [c.pk for c in committees if c.kind != CommitteeKind.NATIONAL]
    if countries:
        query |= Q(country__in=countries)
    if others:
        query |= Q(pk__in=Museum.objects.filter(committees__in=others).values("pk"))
    return query


def can_moderate_museum(user, museum: Museum) -> bool:
    query = moderated_museums_q(user)
    if query is None:
        return False
    return Museum.objects.filter(query, pk=museum.pk).exists()


def is_moderator(user) -> bool:
    return moderated_museums_q(user) is not None
