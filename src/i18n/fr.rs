//! French, the default language.

use super::{JsonTypeNames, Strings};

/// The French table.
pub const STRINGS: Strings = Strings {
    name: "Français",
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
    loading: "Chargement de l’article…",
    load_failed: "Impossible d’afficher l’article",
    retry: "Réessayer",
    error_network: "Le serveur n’a pas pu être joint. Vérifiez votre connexion.",
    error_timeout: "Le serveur met trop de temps à répondre.",
    error_http: |status| format!("Le serveur a répondu par une erreur (HTTP {status})."),
    error_not_json: "Le serveur a renvoyé une page au lieu de données JSON.",
    error_syntax: |line, column| {
        format!("Les données sont mal formées (ligne {line}, colonne {column}).")
    },
    error_invalid: |path, why| format!("Les données sont invalides\u{a0}: {path} — {why}."),
    error_empty: "Le flux ne contient aucun article lisible.",
    error_not_found: |id| format!("L’article «\u{a0}{id}\u{a0}» est introuvable."),
    problem_missing: "champ obligatoire absent",
    problem_duplicate: "identifiant déjà utilisé par un autre article",
    problem_wrong_type: |expected| format!("{expected} attendu"),
    json_types: JsonTypeNames {
        object: "un objet",
        array: "une liste",
        string: "un texte",
        number: "un nombre",
        date: "une date RFC 3339",
        url: "une adresse http(s)",
    },
    error_config: |attribute, accepted| {
        format!("Valeur invalide pour {attribute}\u{a0}: valeurs possibles {accepted}.")
    },
    error_config_missing: |attribute| format!("L’attribut {attribute} est obligatoire."),
    by: "Par",
    and: "et",
    reading_time: |minutes| format!("{minutes} min de lecture"),
    opens_new_window: " (s’ouvre dans une nouvelle fenêtre)",
    protected: "Cet article est protégé par un mot de passe\u{a0}: lisez-le sur le site de l’éditeur.",
    caption_prefix: "Légende\u{a0}: ",
    sample_notice: "Contenu d’exemple",
    page_label: "Article",
    share_heading: "Partager\u{a0}:",
    popular_heading: "Articles populaires",
    more_news_heading: "Plus d’actualités",
};
