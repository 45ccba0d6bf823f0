//! Named entities: people, places and organizations in Kazakh news.

#[allow(dead_code)]
mod gazetteer;
