"""Clean, size and hash the Red List pictures and report photos that were stored without it."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from museion.redlists.models import ObjectImage, ReportPhoto
from museion.redlists.pictures import process_object_image, process_report_photo


class Command(BaseCommand):
    help = (
        "Processes pictures that have no perceptual hash yet (loaded by fixtures or scripts): "
        "EXIF dropped, thumbnail and large sizes made, hashes stored for the photo look-up. "
        "--all processes every picture again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="process every picture again")

    def handle(self, *args, all: bool = False, **options):
        images = ObjectImage.objects.exclude(image="")
        photos = ReportPhoto.objects.exclude(image="")
        if not all:
            images, photos = images.filter(phash__isnull=True), photos.filter(phash__isnull=True)
        done = failed = 0
        for image in images.iterator(chunk_size=200):
            done, failed = self._run(process_object_image, {"image": image}, done, failed)
        for photo in photos.iterator(chunk_size=200):
            done, failed = self._run(process_report_photo, {"photo": photo}, done, failed)
        self.stdout.write(f"{done} pictures processed, {failed} could not be read")

    def _run(self, service, arguments, done, failed):
        target = next(iter(arguments.values()))
        try:
            service(**arguments)
        except (ValidationError, OSError) as error:
            message = error.messages[0] if isinstance(error, ValidationError) else str(error)
            self.stderr.write(f"{type(target).__name__} {target.pk}: {message}")
            return done, failed + 1
        return done + 1, failed
