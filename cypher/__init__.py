"""Cypher files shipped as package data: schema, named queries and the Browser style sheet."""
