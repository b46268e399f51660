"""Look-up by photo: which Red List pictures, and for staff which reported objects, look like it.

1. The uploaded photo is checked like any upload (imaging.open_picture), decoded at a reduced
   scale, and hashed as taken, turned a little and cropped (matching.query_hashes).
2. Candidates: the stored pictures whose hashes are nearest in Hamming distance, from the
   in-memory index (hash_index), with no loop over the rows.
3. Each candidate's picture is compared keypoint by keypoint (matching.agreeing_keypoints);
   only confirmed candidates are answers, ranked by score.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from PIL import Image

from .embeddings import configured_model, current_vectors, min_similarity
from .hash_index import KIND_REPORT_PHOTO, KIND_TYPE_IMAGE, Candidate, HashIndex, current_index
from .imaging import Picture, hash_base, open_picture
from .lookup_models import PictureEmbedding, PictureHash
from .matching import (
    KEYPOINT_SIDE,
    MIN_INLIERS,
    Keypoints,
    agreeing_keypoints,
    keypoints,
    match_score,
    query_hashes,
)
from .models import ListStatus, ObjectImage, ObjectType, ReportPhoto

logger = logging.getLogger(__name__)

CANDIDATES = 8  # pictures compared keypoint by keypoint, nearest hashes first
MAX_DISTANCE = 26  # of 64 bits; beyond, a picture is not even a candidate
DECODE_BOX = (640, 640)  # a JPEG photo is decoded at about this size (at least), not at 12 MP


@dataclass(frozen=True)
class Confirmed:
    candidate: Candidate
    inliers: int
    score: float


def find_matches(
    photo: Image.Image,
    index: HashIndex,
    *,
    stored_keypoints: Callable[[list[Candidate]], dict[tuple[int, int], Keypoints]],
    kinds: Iterable[int] = (KIND_TYPE_IMAGE,),
    limit: int = CANDIDATES,
) -> list[Confirmed]:
    """Confirmed candidates for an upright photo, best first.

    ``stored_keypoints`` receives the candidates and returns keypoints by (kind, id) for
    those whose picture could be read (a missing file is simply not confirmed).
    """
    candidates = index.nearest(
        query_hashes(hash_base(photo)), limit=limit, max_distance=MAX_DISTANCE, kinds=kinds
    )
    if not candidates:
        return []
    photo_points = keypoints(photo)
    stored = stored_keypoints(candidates)
    confirmed = []
    for candidate in candidates:
        points = stored.get((candidate.kind, candidate.pk))
        if points is None:
            continue
        inliers = agreeing_keypoints(photo_points, points)
        if inliers >= MIN_INLIERS:
            score = match_score(distance=candidate.distance, inliers=inliers)
            confirmed.append(Confirmed(candidate=candidate, inliers=inliers, score=score))
    confirmed.sort(key=lambda match: (-match.score, match.candidate.distance))
    return confirmed


@dataclass(frozen=True)
class LookupMatch:
    """One answer: a Red List type (by one of its pictures) or, for staff, a reported object."""

    kind: str  # "type" or "report"
    score: float
    distance: int | None  # Hamming distance of the nearest hashes; None if found otherwise
    keypoints: int
    image: ObjectImage | None = None
    object_type: ObjectType | None = None  # in the reader's language when translated
    photo: ReportPhoto | None = None
    similarity: float | None = None  # cosine, when the embedding back end found it


def open_photo(upload) -> Picture:
    """The uploaded photo, checked, upright, decoded at about DECODE_BOX; ValidationError if not."""
    return open_picture(upload, draft_box=DECODE_BOX)


def look_up_photo(
    *,
    upload=None,
    picture: Picture | None = None,
    include_reports: bool = False,
    language: str | None = None,
) -> list[LookupMatch]:
    """Ranked matches for an uploaded photo (or one already opened with open_photo).

    Queries: one for the candidate pictures, one per kind; one for the types' translations into
    ``language``; two more when the index is rebuilt after a change. The photo is never stored.
    """
    picture = picture or open_photo(upload)
    index = current_index(index_rows)
    kinds = (KIND_TYPE_IMAGE, KIND_REPORT_PHOTO) if include_reports else (KIND_TYPE_IMAGE,)
    loaded: dict[tuple[int, int], ObjectImage | ReportPhoto] = {}

    def stored_keypoints(candidates: list[Candidate]) -> dict[tuple[int, int], Keypoints]:
        loaded.update(_load_candidates(candidates))
        points = {}
        for key, row in loaded.items():
            field_file = row.thumbnail or row.image if key[0] == KIND_TYPE_IMAGE else row.image
            if found := _stored_keypoints(field_file):
                points[key] = found
        return points

    confirmed = find_matches(picture.image, index, stored_keypoints=stored_keypoints, kinds=kinds)
    found = {
        (m.candidate.kind, m.candidate.pk): {
            "score": m.score,
            "distance": m.candidate.distance,
            "keypoints": m.inliers,
        }
        for m in confirmed
    }
    for similar in _similar_by_embedding(picture, kinds):
        entry = found.setdefault(
            (similar.kind, similar.pk), {"score": 0.0, "distance": None, "keypoints": 0}
        )
        entry["similarity"] = similar.similarity
        entry["score"] = max(entry["score"], similar.similarity)
    missing = [Candidate(kind, pk, 0) for kind, pk in found if (kind, pk) not in loaded]
    if missing:
        loaded.update(_load_candidates(missing))
    found = {key: entry for key, entry in found.items() if key in loaded}
    images = [loaded[key] for key in found if key[0] == KIND_TYPE_IMAGE]
    translated = _translations(language, {image.object_type_id for image in images})
    matches = []
    ranked = sorted(found.items(), key=lambda item: (-item[1]["score"], item[1]["distance"] or 0))
    for (kind, pk), common in ranked:
        row = loaded[(kind, pk)]
        if kind == KIND_TYPE_IMAGE:
            object_type = translated.get(row.object_type_id, row.object_type)
            matches.append(LookupMatch(kind="type", image=row, object_type=object_type, **common))
        else:
            matches.append(LookupMatch(kind="report", photo=row, **common))
    return matches


def index_rows() -> Iterator[tuple[int, int, int]]:
    """(kind, owner, hash) of every picture of a published list and every reported photo."""
    public = PictureHash.objects.filter(
        image__object_type__category__red_list__status=ListStatus.PUBLISHED
    ).values_list("image_id", "value")
    for owner, value in public.iterator(chunk_size=20_000):
        yield KIND_TYPE_IMAGE, owner, value
    reported = PictureHash.objects.filter(photo__isnull=False).values_list("photo_id", "value")
    for owner, value in reported.iterator(chunk_size=20_000):
        yield KIND_REPORT_PHOTO, owner, value


def _similar_by_embedding(picture: Picture, kinds) -> list:
    """Pictures the operator's embedding model finds alike; [] when that back end is off."""
    model = configured_model()
    if model is None:
        return []
    vectors = current_vectors(model, embedding_rows)
    return vectors.most_similar(
        model.embed(picture.image), limit=CANDIDATES, minimum=min_similarity(), kinds=kinds
    )


def embedding_rows(model_name: str) -> Iterator[tuple[int, int, bytes]]:
    """(kind, owner, vector) of the visible pictures, for the model in use."""
    public = PictureEmbedding.objects.filter(
        model=model_name, image__object_type__category__red_list__status=ListStatus.PUBLISHED
    ).values_list("image_id", "vector")
    for owner, vector in public.iterator(chunk_size=5_000):
        yield KIND_TYPE_IMAGE, owner, vector
    reported = PictureEmbedding.objects.filter(model=model_name, photo__isnull=False)
    for owner, vector in reported.values_list("photo_id", "vector").iterator(chunk_size=5_000):
        yield KIND_REPORT_PHOTO, owner, vector


def _load_candidates(candidates: list[Candidate]) -> dict[tuple[int, int], object]:
    wanted = {
        kind: [c.pk for c in candidates if c.kind == kind]
        for kind in (KIND_TYPE_IMAGE, KIND_REPORT_PHOTO)
    }
    rows: dict[tuple[int, int], object] = {}
    if wanted[KIND_TYPE_IMAGE]:
        images = ObjectImage.objects.filter(
            pk__in=wanted[KIND_TYPE_IMAGE],
            object_type__category__red_list__status=ListStatus.PUBLISHED,
        ).select_related("object_type__category__red_list")
        rows.update(((KIND_TYPE_IMAGE, image.pk), image) for image in images)
    if wanted[KIND_REPORT_PHOTO]:
        photos = ReportPhoto.objects.filter(pk__in=wanted[KIND_REPORT_PHOTO]).select_related(
            "report"
        )
        rows.update(((KIND_REPORT_PHOTO, photo.pk), photo) for photo in photos)
    return rows


def _stored_keypoints(field_file) -> Keypoints | None:
    """Keypoints of a stored picture, decoded at a reduced scale; None when it cannot be read."""
    if not field_file:
        return None
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            image = Image.open(handle)
            image.draft("L", (KEYPOINT_SIDE, KEYPOINT_SIDE))
            return keypoints(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        logger.warning("look-up: cannot read stored picture %s", field_file.name)
        return None


def _translations(language: str | None, type_ids: set[int]) -> dict[int, ObjectType]:
    """The reader's translation of each original type, where one is published."""
    if not language or not type_ids:
        return {}
    found = ObjectType.objects.filter(
        original_id__in=type_ids,
        category__red_list__language=language,
        category__red_list__status=ListStatus.PUBLISHED,
    ).select_related("category__red_list")
    return {translation.original_id: translation for translation in found}
