"""Unseen-layout robustness suite: gold tables re-rendered as variant PDFs and scored like ../shared/eval."""
