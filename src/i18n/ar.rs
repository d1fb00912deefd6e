//! Arabic, written right to left.
//!
//! Technical values written in Latin script (a JSON path, an attribute name, `http(s)`, an
//! article identifier or title) are wrapped in invisible first-strong isolates, U+2068 … U+2069,
//! so that their brackets and trailing punctuation stay in place inside right-to-left text.

use super::{JsonTypeNames, Strings};

/// The Arabic table.
pub const STRINGS: Strings = Strings {
    name: "العربية",
    weekdays: ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    months: [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
        "نوفمبر", "ديسمبر",
    ],
    just_now: "منذ لحظات",
    minutes_ago: |n| match n {
        1 => "منذ دقيقة واحدة".to_owned(),
        2 => "منذ دقيقتين".to_owned(),
        3..=10 => format!("منذ {n} دقائق"),
        _ => format!("منذ {n} دقيقة"),
    },
    hours_ago: |n| match n {
        1 => "منذ ساعة واحدة".to_owned(),
        2 => "منذ ساعتين".to_owned(),
        3..=10 => format!("منذ {n} ساعات"),
        _ => format!("منذ {n} ساعة"),
    },
    yesterday: "أمس",
    loading: "جارٍ تحميل المقال…",
    load_failed: "تعذّر عرض المقال",
    retry: "إعادة المحاولة",
    error_network: "تعذّر الاتصال بالخادم. تحقّق من اتصالك بالإنترنت.",
    error_timeout: "يستغرق الخادم وقتًا طويلًا للرد.",
    error_http: |status| format!("ردّ الخادم بخطأ (HTTP {status})."),
    error_not_json: "أرسل الخادم صفحة بدلًا من بيانات JSON.",
    error_too_large: "البيانات أكبر من أن تُعرض (أكثر من 10 ميغابايت).",
    error_syntax: |line, column| {
        format!("صيغة البيانات غير سليمة (السطر {line}، العمود {column}).")
    },
    error_invalid: |path, why| format!("البيانات غير صالحة: \u{2068}{path}\u{2069} — {why}."),
    error_empty: "لا تحتوي الخلاصة على أي مقال قابل للقراءة.",
    error_code: "تعذّر تنزيل جزء من \u{2068}Kiosque\u{2069}. تحقّق من اتصالك بالإنترنت.",
    part_failed: "تعذّر تنزيل هذا الجزء من الصفحة. تحقّق من اتصالك بالإنترنت.",
    loading_part: "جارٍ التحميل…",
    error_not_found: |id| format!("تعذّر العثور على المقال «\u{2068}{id}\u{2069}»."),
    problem_missing: "حقل إلزامي مفقود",
    problem_duplicate: "المعرّف مستخدم في مقال آخر",
    problem_wrong_type: |expected| format!("المتوقَّع {expected}"),
    json_types: JsonTypeNames {
        object: "كائن",
        array: "قائمة",
        string: "نص",
        number: "عدد",
        date: "تاريخ بصيغة RFC 3339",
        url: "عنوان \u{2068}http(s)\u{2069}",
    },
    error_config: |attribute, accepted| {
        format!(
            "قيمة غير صالحة للسمة \u{2068}{attribute}\u{2069}: القيم المقبولة هي \u{2068}{accepted}\u{2069}."
        )
    },
    error_config_missing: |attribute| format!("السمة \u{2068}{attribute}\u{2069} مطلوبة."),
    by: "بقلم",
    and: " و",
    comma: "، ",
    reading_time: |minutes| match minutes {
        1 => "وقت القراءة: دقيقة واحدة".to_owned(),
        2 => "وقت القراءة: دقيقتان".to_owned(),
        3..=10 => format!("وقت القراءة: {minutes} دقائق"),
        _ => format!("وقت القراءة: {minutes} دقيقة"),
    },
    opens_new_window: " (يُفتح في نافذة جديدة)",
    protected: "هذا المقال محميّ بكلمة مرور: اقرأه على موقع الناشر.",
    caption_prefix: "تعليق الصورة: ",
    sample_notice: "محتوى تجريبي",
    page_label: "المقال",
    share_heading: "مشاركة:",
    share_on: |network| format!("شارك عبر {network}"),
    email_label: "البريد الإلكتروني",
    email_name: "شارك عبر البريد الإلكتروني",
    copy_label: "نسخ الرابط",
    copied: "تم نسخ الرابط",
    copy_manual: "انسخ هذا الرابط:",
    print_label: "طباعة",
    native_label: "مشاركة…",
    native_name: "مشاركة عبر تطبيق على هذا الجهاز",
    share_failed: "تعذّرت المشاركة.",
    more_label: "المزيد",
    more_name: "المزيد من خيارات المشاركة",
    mastodon_instance: "خادم Mastodon الخاص بك",
    mastodon_hint: "مثلًا mastodon.social. سيُحفظ على هذا الجهاز.",
    mastodon_invalid: "هذا ليس اسم خادم: اكتب مثلًا mastodon.social.",
    mastodon_submit: "شارك عبر Mastodon",
    mastodon_current: |host| format!("خادم Mastodon: \u{2068}{host}\u{2069}"),
    mastodon_change: "تغيير الخادم",
    cancel: "إلغاء",
    video_load: |host| format!("تشغيل الفيديو ({host})"),
    video_title: |host| format!("فيديو {host}"),
    video_note: |host| format!("لا يُحمَّل الفيديو من {host} إلا إذا شغّلته."),
    video_open: |host| format!("المشاهدة على {host}"),
    popular_heading: "الأكثر قراءة",
    more_news_heading: "المزيد من الأخبار",
    range_label: "فترة الترتيب",
    range_names: ["24 ساعة", "7 أيام", "30 يومًا", "كل الأوقات"],
    range_fallback: |asked, used| {
        format!("لم تُحتسب أي قراءة خلال {asked}، لذا رُتّبت المقالات وفق فترة «{used}».")
    },
    ranking_unavailable: "لا يوجد ترتيب بعد: إليك أحدث المقالات.",
    ranking_as_of: |date| format!("الترتيب بتاريخ {date}"),
    list_empty: "لا توجد مقالات أخرى حتى الآن.",
    load_more: "المزيد من المقالات",
    loaded_more: |n| match n {
        1 => "أُضيف مقال واحد".to_owned(),
        2 => "أُضيف مقالان".to_owned(),
        3..=10 => format!("أُضيفت {n} مقالات"),
        _ => format!("أُضيف {n} مقالًا"),
    },
    now_showing: |title| format!("المقال المعروض: \u{2068}{title}\u{2069}"),
};
