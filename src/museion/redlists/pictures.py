"""Services for stored pictures: each is cleaned, sized and hashed once, when it is added.

``process_object_image`` and ``process_report_photo`` take a model whose file field holds the
upload (not yet saved, or already stored) and save the cleaned original (EXIF and GPS gone,
orientation applied), the renditions and the hashes the photo look-up compares. Nothing is
computed later on a request; ``manage.py process_red_list_pictures`` catches up pictures that
were stored another way (fixtures, bulk imports).
"""

from __future__ import annotations

import uuid

from django.db import transaction

from .embeddings import configured_model, to_bytes
from .hash_index import bump_index_version
from .imaging import STORED_CROPS, process_picture
from .lookup_models import PictureEmbedding, PictureHash
from .models import ObjectImage, ReportPhoto


def process_object_image(*, image: ObjectImage) -> ObjectImage:
    """Clean the picture in ``image.image``, make its thumbnail and large sizes, hash it, save."""
    processed = _process(image.image)
    stem = f"{image.object_type_id or 'type'}-{uuid.uuid4().hex[:12]}"
    old_files = _committed_files(image, ["image", "thumbnail", "large"])
    with transaction.atomic():
        image.image.save(
            f"{stem}.{processed.original.name.rsplit('.', 1)[-1]}", processed.original, save=False
        )
        image.thumbnail.save(f"{stem}.jpg", processed.thumbnail, save=False)
        image.large.save(f"{stem}.jpg", processed.large, save=False)
        image.phash = processed.phash
        image.save()
        _replace_hashes(processed.hashes, image=image)
        _store_embedding(processed.upright, image=image)
        _delete_after_commit(old_files)
    return image


def process_report_photo(*, photo: ReportPhoto) -> ReportPhoto:
    """Clean a reporter's photo (it keeps no GPS position), hash it, save."""
    processed = _process(photo.image)
    old_files = _committed_files(photo, ["image"])
    extension = processed.original.name.rsplit(".", 1)[-1]
    with transaction.atomic():
        photo.image.save(f"{uuid.uuid4().hex}.{extension}", processed.original, save=False)
        photo.phash = processed.phash
        photo.save()
        _replace_hashes(processed.hashes, photo=photo)
        _store_embedding(processed.upright, photo=photo)
        _delete_after_commit(old_files)
    return photo


def _process(field_file):
    field_file.open("rb")
    try:
        return process_picture(field_file)
    finally:
        field_file.close()


def _committed_files(instance, names: list[str]) -> list:
    files = []
    for name in names:
        field_file = getattr(instance, name)
        if field_file and getattr(field_file, "_committed", True) and field_file.name:
            files.append((field_file.storage, field_file.name))
    return files


def _replace_hashes(hashes: list[int], **owner) -> None:
    PictureHash.objects.filter(**owner).delete()
    PictureHash.objects.bulk_create(
        PictureHash(crop=round(fraction * 100), value=value, **owner)
        for fraction, value in zip(STORED_CROPS, hashes, strict=True)
    )
    transaction.on_commit(bump_index_version)


def _store_embedding(upright, **owner) -> None:
    """With the optional embedding back end on, the picture's vector for the look-up."""
    model = configured_model()
    if model is None:
        return
    PictureEmbedding.objects.filter(**owner).delete()
    PictureEmbedding.objects.create(
        model=model.name, vector=to_bytes(model.embed(upright)), **owner
    )


def _delete_after_commit(files: list) -> None:
    """The files a picture replaced (a raw upload with its EXIF, old renditions) go."""

    def delete():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete)
