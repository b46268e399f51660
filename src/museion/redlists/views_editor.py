"""Editor pages: a Red List role per list lets people draft, order, publish and withdraw it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import queries, services
from .forms import (
    CategoryForm,
    MeasurementFormSet,
    ObjectImageForm,
    ObjectTypeForm,
    RedListForm,
    TranslateForm,
    WithdrawForm,
)
from .models import Category, ObjectType, RedList


def _editable(user, red_list: RedList) -> RedList:
    if not services.can_edit_red_list(user, red_list):
        raise PermissionDenied
    return red_list


@login_required
@require_safe
def dashboard(request):
    red_lists = services.editable_red_lists(request.user).select_related("original")
    return render(request, "redlists/editor/dashboard.html", {"red_lists": red_lists})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_list(request, pk: int):
    red_list = _editable(request.user, get_object_or_404(RedList, pk=pk))
    form = RedListForm(request.POST or None, instance=RedList.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        changed = services.update_red_list(red_list=red_list, user=request.user, data=data)
        if changed:
            messages.success(request, _("The list was saved."))
        return redirect("redlists:edit_list", pk=red_list.pk)
    context = {
        "red_list": red_list,
        "form": form,
        "categories": list(red_list.categories.prefetch_related("object_types")),
        "list_versions": queries.list_languages(red_list, include_drafts=True),
        "problems": services.publication_problems(red_list),
        "withdraw_form": WithdrawForm(),
        "translate_form": TranslateForm(),
    }
    status = 400 if form.errors else 200
    return render(request, "redlists/editor/red_list.html", context, status=status)


@login_required
@require_POST
def publish(request, pk: int):
    red_list = _editable(request.user, get_object_or_404(RedList, pk=pk))
    try:
        services.publish_red_list(red_list=red_list, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The list is published."))
    return redirect("redlists:edit_list", pk=pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    red_list = _editable(request.user, get_object_or_404(RedList, pk=pk))
    form = WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why the list is withdrawn."))
        services.withdraw_red_list(
            red_list=red_list, user=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The list was withdrawn."))
    return redirect("redlists:edit_list", pk=pk)


@login_required
@require_POST
def translate(request, pk: int):
    red_list = _editable(request.user, get_object_or_404(RedList, pk=pk))
    form = TranslateForm(request.POST)
    if form.is_valid():
        try:
            copy = services.create_translation(
                red_list=red_list,
                user=request.user,
                language=form.cleaned_data["language"],
                slug=form.cleaned_data["slug"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The translation was created as a draft."))
            return redirect("redlists:edit_list", pk=copy.pk)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("redlists:edit_list", pk=pk)


@login_required
@require_safe
def changes(request, pk: int):
    red_list = _editable(request.user, get_object_or_404(RedList, pk=pk))
    records = red_list.changes.select_related("user")[:500]
    return render(
        request, "redlists/editor/changes.html", {"red_list": red_list, "changes": records}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_category(request, pk: int | None = None, category: int | None = None):
    if category is not None:
        instance = get_object_or_404(Category.objects.select_related("red_list"), pk=category)
        red_list = instance.red_list
    else:
        instance, red_list = None, get_object_or_404(RedList, pk=pk)
    _editable(request.user, red_list)
    form = CategoryForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if instance is None:
            instance = services.create_category(red_list=red_list, user=request.user, data=data)
        else:
            services.update_category(
                category=Category.objects.get(pk=instance.pk), user=request.user, data=data
            )
        messages.success(request, _("The category was saved."))
        return redirect("redlists:edit_category", category=instance.pk)
    context = {
        "red_list": red_list,
        "category": instance,
        "form": form,
        "object_types": list(instance.object_types.all()) if instance else [],
    }
    status = 400 if form.errors else 200
    return render(request, "redlists/editor/category.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_type(request, category: int | None = None, object_type: int | None = None):
    if object_type is not None:
        instance = get_object_or_404(
            ObjectType.objects.select_related("category__red_list"), pk=object_type
        )
        parent = instance.category
    else:
        instance, parent = (
            None,
            get_object_or_404(Category.objects.select_related("red_list"), pk=category),
        )
    red_list = _editable(request.user, parent.red_list)
    form = ObjectTypeForm(request.POST or None, instance=instance)
    formset = MeasurementFormSet(
        request.POST or None,
        queryset=instance.measurements.all() if instance else ObjectType.objects.none(),
        prefix="m",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        rows = [
            {k: f.cleaned_data[k] for k in ("dimension", "minimum", "maximum", "unit")}
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            with transaction.atomic():
                if instance is None:
                    instance = services.create_object_type(
                        category=parent, user=request.user, data=data
                    )
                else:
                    services.update_object_type(
                        object_type=ObjectType.objects.get(pk=instance.pk),
                        user=request.user,
                        data=data,
                    )
                services.set_measurements(object_type=instance, user=request.user, rows=rows)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The object type was saved."))
            return redirect("redlists:edit_type", object_type=instance.pk)
    pictures = []
    if instance is not None:
        owner = instance.original or instance
        pictures = list(owner.images.all())
    context = {
        "red_list": red_list,
        "category": parent,
        "object_type": instance,
        "form": form,
        "formset": formset,
        "pictures": pictures,
        "image_form": ObjectImageForm() if instance else None,
    }
    status = 400 if form.errors or formset.total_error_count() else 200
    return render(request, "redlists/editor/object_type.html", context, status=status)


@login_required
@require_POST
def add_image(request, object_type: int):
    instance = get_object_or_404(
        ObjectType.objects.select_related("category__red_list", "original"), pk=object_type
    )
    red_list = _editable(request.user, instance.category.red_list)
    form = ObjectImageForm(request.POST, request.FILES)
    if form.is_valid():
        services.add_image(object_type=instance, user=request.user, data=form.cleaned_data)
        messages.success(request, _("The picture was added."))
        return redirect("redlists:edit_type", object_type=instance.pk)
    owner = instance.original or instance
    context = {
        "red_list": red_list,
        "category": instance.category,
        "object_type": instance,
        "form": ObjectTypeForm(instance=instance),
        "formset": MeasurementFormSet(queryset=instance.measurements.all(), prefix="m"),
        "pictures": list(owner.images.all()),
        "image_form": form,
    }
    return render(request, "redlists/editor/object_type.html", context, status=400)


@login_required
@require_POST
def move(request, kind: str, pk: int, direction: str):
    steps = {"up": -1, "down": 1}
    if kind not in ("category", "type") or direction not in steps:
        raise Http404
    if kind == "category":
        item = get_object_or_404(Category.objects.select_related("red_list"), pk=pk)
        back = ("redlists:edit_list", {"pk": item.red_list_id})
    else:
        item = get_object_or_404(ObjectType.objects.select_related("category__red_list"), pk=pk)
        back = ("redlists:edit_category", {"category": item.category_id})
    services.move(item=item, user=request.user, step=steps[direction])
    return redirect(back[0], **back[1])
