"""The look-up's pure parts on generated pictures: hashes, the index, keypoint confirmation."""

import numpy as np
import pytest

from museion.redlists.hash_index import (
    KIND_REPORT_PHOTO,
    KIND_TYPE_IMAGE,
    HashIndex,
)
from museion.redlists.imaging import hash_base, stored_hashes, to_signed
from museion.redlists.lookup import find_matches
from museion.redlists.matching import agreeing_keypoints, keypoints

from .pictures import EDITS, drawn_picture

STORED = 12


@pytest.fixture(scope="module")
def stored():
    pictures = {seed: drawn_picture(seed) for seed in range(STORED)}
    rows = [
        (KIND_TYPE_IMAGE, seed, value)
        for seed, picture in pictures.items()
        for value in stored_hashes(hash_base(picture))
    ]
    points = {(KIND_TYPE_IMAGE, seed): keypoints(picture) for seed, picture in pictures.items()}
    return pictures, HashIndex(rows), points


def look_up(photo, stored):
    _, index, points = stored

    def stored_keypoints(candidates):
        return {(c.kind, c.pk): points[(c.kind, c.pk)] for c in candidates}

    return find_matches(photo, index, stored_keypoints=stored_keypoints)


@pytest.mark.parametrize("edit", EDITS)
def test_edited_copies_are_found_in_the_top_three(stored, edit):
    pictures = stored[0]
    for seed in (0, 3, 7, 11):
        matches = look_up(EDITS[edit](pictures[seed]), stored)
        assert seed in [match.candidate.pk for match in matches[:3]], (edit, seed)
        assert matches[0].candidate.pk == seed
        assert 0.5 < matches[0].score <= 1


def test_unrelated_pictures_match_nothing(stored):
    for seed in range(100, 112):
        assert look_up(drawn_picture(seed), stored) == []


def test_keypoints_of_unrelated_pictures_do_not_agree():
    assert agreeing_keypoints(keypoints(drawn_picture(1)), keypoints(drawn_picture(2))) < 24
    assert agreeing_keypoints(keypoints(drawn_picture(1)), keypoints(drawn_picture(1))) > 150


def test_plain_picture_without_keypoints_is_never_confirmed():
    from PIL import Image

    grey = Image.new("RGB", (400, 300), (128, 128, 128))
    assert agreeing_keypoints(keypoints(grey), keypoints(grey)) == 0


def test_index_distances_equal_counted_bits():
    rng = np.random.default_rng(7)
    values = [to_signed(int(v)) for v in rng.integers(0, 2**63, 200, dtype=np.uint64) * 2 + 1]
    index = HashIndex((KIND_TYPE_IMAGE, n, v) for n, v in enumerate(values))
    query = values[5] ^ 0b1011
    expected = [bin((v ^ query) % 2**64).count("1") for v in values]
    assert index.distances([query]).tolist() == expected


def test_index_nearest_gives_each_picture_once_nearest_first_within_the_limit():
    base = 0x0F0F_0F0F_0F0F_0F0F
    rows = [
        (KIND_TYPE_IMAGE, 1, base ^ 0b1),  # picture 1: distance 1 (and 5 for its crop)
        (KIND_TYPE_IMAGE, 1, base ^ 0b11111),
        (KIND_TYPE_IMAGE, 2, base ^ 0b111),  # picture 2: distance 3
        (KIND_TYPE_IMAGE, 3, base ^ (2**40 - 1)),  # far
        (KIND_REPORT_PHOTO, 9, base),  # a report photo: only when asked for
    ]
    index = HashIndex(rows)
    found = index.nearest([base], limit=5, max_distance=10)
    assert [(c.pk, c.distance) for c in found] == [(1, 1), (2, 3)]
    with_reports = index.nearest(
        [base], limit=2, max_distance=10, kinds=(KIND_TYPE_IMAGE, KIND_REPORT_PHOTO)
    )
    assert [(c.kind, c.pk, c.distance) for c in with_reports] == [
        (KIND_REPORT_PHOTO, 9, 0),
        (KIND_TYPE_IMAGE, 1, 1),
    ]
    assert HashIndex([]).nearest([base], limit=3, max_distance=64) == []


def test_index_of_a_hundred_thousand_hashes_finds_the_planted_one():
    rng = np.random.default_rng(3)
    values = rng.integers(-(2**63), 2**63 - 1, 100_000, dtype=np.int64).tolist()
    planted = values[54_321]
    index = HashIndex((KIND_TYPE_IMAGE, n, v) for n, v in enumerate(values))
    found = index.nearest([planted ^ 0b101], limit=3, max_distance=8)
    assert [(c.pk, c.distance) for c in found] == [(54_321, 2)]


def test_pictures_sharing_only_a_pattern_and_a_shape_are_not_confirmed():
    from museion.demo.redlists import placeholder_picture

    # Both a disc on a checker, other sizes and colours: the checker lines up, the rest not.
    first, second = placeholder_picture(22), placeholder_picture(42)
    assert agreeing_keypoints(keypoints(first), keypoints(second)) == 0
    assert agreeing_keypoints(keypoints(first.rotate(4)), keypoints(first)) > 50
