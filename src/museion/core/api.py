"""JSON API conventions: errors are {"error": message} with a 4xx status."""

from django.http import JsonResponse


def json_error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def form_errors_message(form) -> str:
    return "; ".join(
        f"{field}: {' '.join(str(e) for e in errors)}" if field != "__all__" else " ".join(errors)
        for field, errors in form.errors.items()
    )
