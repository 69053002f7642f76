"""Rendered parts of pages kept between requests, for the apps that keep them."""
