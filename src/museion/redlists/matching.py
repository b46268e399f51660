"""Comparing one photo with one stored picture: the photo's hashes and keypoint confirmation.

The photo is hashed as taken and as a few small rotations and a tighter crop (an officer's
photo is rarely square to the object); stored pictures are hashed whole and as centre crops
(imaging.stored_hashes). The nearest hashes only propose candidates: a candidate is confirmed
when ORB keypoints of both pictures agree on one rotation + scale + shift (RANSAC), which
unrelated pictures with a similar overall layout do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from .imaging import centre_crop, perceptual_hash

QUERY_ROTATIONS = (-6, -3, 0, 3, 6)
QUERY_CROPS = (1.0, 0.9)
KEYPOINT_SIDE = 480  # the thumbnail's size: stored pictures are compared by their thumbnail
ORB_FEATURES = 600
RATIO = 0.75  # Lowe's ratio test on the two best descriptor matches
RANSAC_PIXELS = 4.0
MIN_INLIERS = 24  # unrelated generated pictures stay under 18; copies score above 150
MIN_CORRELATION = 0.85  # edges of the photo laid over the picture: copies 0.93+, others < 0.75
FULL_INLIERS = 160  # this many agreeing keypoints count as a certain match


def query_hashes(base: Image.Image) -> list[int]:
    """Hashes of the photo turned a little either way, whole and cropped."""
    hashes = []
    for angle in QUERY_ROTATIONS:
        turned = base.rotate(angle, resample=Image.Resampling.BILINEAR) if angle else base
        hashes.extend(perceptual_hash(centre_crop(turned, fraction)) for fraction in QUERY_CROPS)
    return list(dict.fromkeys(hashes))


@dataclass
class Keypoints:
    points: np.ndarray  # (n, 2) float32
    descriptors: np.ndarray | None  # (n, 32) uint8
    grey: np.ndarray  # the grey picture they were found in (uint8)

    def __len__(self) -> int:
        return len(self.points)


def keypoints(image: Image.Image) -> Keypoints:
    grey = image.convert("L")
    if max(grey.size) > KEYPOINT_SIDE:
        grey = grey.copy() if grey is image else grey
        grey.thumbnail((KEYPOINT_SIDE, KEYPOINT_SIDE), Image.Resampling.BILINEAR)
    pixels = np.asarray(grey)
    detector = cv2.ORB_create(nfeatures=ORB_FEATURES)
    found, descriptors = detector.detectAndCompute(pixels, None)
    points = np.array([point.pt for point in found], dtype=np.float32).reshape(-1, 2)
    return Keypoints(points=points, descriptors=descriptors, grey=pixels)


def agreeing_keypoints(photo: Keypoints, stored: Keypoints) -> int:
    """How many keypoint pairs one similarity transform explains (0 when none is credible).

    Credible: a plausible scale, and once the photo is laid over the stored picture by that
    transform, the two look alike (correlation of their blurred grey levels), which pictures
    that merely share a pattern (stripes, rings) do not.
    """
    if photo.descriptors is None or stored.descriptors is None or min(len(photo), len(stored)) < 8:
        return 0
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = matcher.knnMatch(photo.descriptors, stored.descriptors, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < RATIO * p[1].distance]
    if len(good) < 6:
        return 0
    source = photo.points[[match.queryIdx for match in good]]
    target = stored.points[[match.trainIdx for match in good]]
    transform, inliers = cv2.estimateAffinePartial2D(
        source, target, method=cv2.RANSAC, ransacReprojThreshold=RANSAC_PIXELS
    )
    if transform is None or inliers is None:
        return 0
    scale = float(np.hypot(transform[0, 0], transform[1, 0]))
    if not 0.2 < scale < 5.0:
        return 0
    count = int(inliers.sum())
    if count >= MIN_INLIERS and overlay_correlation(photo, stored, transform) < MIN_CORRELATION:
        return 0
    return count


def overlay_correlation(photo: Keypoints, stored: Keypoints, transform: np.ndarray) -> float:
    """How well the edges of the photo, laid over the stored picture, fall on its edges (-1–1).

    Unaffected by exposure or a colour cast; low for two different pictures that only share a
    regular pattern (a checker, stripes) which the transform lines up.
    """
    height, width = stored.grey.shape
    laid = cv2.warpAffine(photo.grey, transform, (width, height), flags=cv2.INTER_LINEAR)
    covered = cv2.warpAffine(
        np.full(photo.grey.shape, 255, np.uint8),
        transform,
        (width, height),
        flags=cv2.INTER_NEAREST,
    )
    mask = cv2.erode(covered, np.ones((9, 9), np.uint8)) > 0
    if mask.sum() < 0.2 * width * height:
        return 0.0
    a = _edges(laid)[mask]
    b = _edges(stored.grey)[mask]
    a -= a.mean()
    b -= b.mean()
    spread = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / spread) if spread else 0.0


def _edges(grey: np.ndarray) -> np.ndarray:
    smooth = cv2.GaussianBlur(grey, (0, 0), 1.5).astype(np.float32)
    return cv2.magnitude(cv2.Sobel(smooth, cv2.CV_32F, 1, 0), cv2.Sobel(smooth, cv2.CV_32F, 0, 1))


def match_score(*, distance: int, inliers: int) -> float:
    """0–1: mostly how many keypoints agree, a little how close the hashes are."""
    keypoint_part = min(inliers, FULL_INLIERS) / FULL_INLIERS
    hash_part = max(0.0, 1 - distance / 32)
    return round(0.75 * keypoint_part + 0.25 * hash_part, 3)
