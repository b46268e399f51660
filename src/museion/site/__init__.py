"""The site's front: the home page and the standing pages (about, Code of Ethics, privacy). It
composes the other apps through their queries; nothing imports it."""
