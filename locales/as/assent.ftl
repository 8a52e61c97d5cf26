## This language's own name, as the language switcher shows it.

language-name = অসমীয়া

## The hosted consent page.

page-language = ভাষা
page-asks-consent = { $org }-এ আপোনাৰ সন্মতি বিচাৰিছে
page-notice = জাননী
page-purposes = আপোনাৰ তথ্য কি কামত ব্যৱহাৰ কৰা হ'ব
page-purposes-hint = আপুনি যিবোৰ উদ্দেশ্যত সন্মত, সেইবোৰত টিক দিয়ক, তাৰ পিছত আপোনাৰ পছন্দ সংৰক্ষণ কৰক। অথবা আটাইবোৰ অনুমোদন বা প্ৰত্যাখ্যান কৰক।
page-required = আৱশ্যকীয়
page-data-used = ব্যৱহৃত তথ্য: { $categories }
page-approve = অনুমোদন কৰক
page-decline = প্ৰত্যাখ্যান কৰক
page-save = পছন্দ সংৰক্ষণ কৰক
page-withdraw = সন্মতি প্ৰত্যাহাৰ কৰক
page-receipt-title = আপোনাৰ সিদ্ধান্ত লিপিবদ্ধ কৰা হৈছে
page-receipt-summary =
    { $action ->
        [approved] আপুনি { $date } তাৰিখে আটাইবোৰ উদ্দেশ্য অনুমোদন কৰিলে।
        [declined] আপুনি { $date } তাৰিখে আটাইবোৰ উদ্দেশ্য প্ৰত্যাখ্যান কৰিলে।
        [withdrawn] আপুনি { $date } তাৰিখে আপোনাৰ সন্মতি প্ৰত্যাহাৰ কৰিলে।
       *[partial] আপুনি { $date } তাৰিখে কিছুমান উদ্দেশ্য অনুমোদন কৰিলে।
    }
page-granted = অনুমতি আছে
page-not-granted = অনুমতি নাই
page-reference = সূত্ৰ: { $reference }
page-change-hint = এই একেটা লিংকৰ জৰিয়তে আপুনি যিকোনো সময়তে আপোনাৰ সিদ্ধান্ত সলনি বা প্ৰত্যাহাৰ কৰিব পাৰে।
page-receipt-download = স্বাক্ষৰিত ৰচিদ ডাউনলোড কৰক
page-export = আপোনাৰ সন্মতি সম্পৰ্কে লিপিবদ্ধ কৰা সকলো তথ্য ডাউনলোড কৰক
page-valid-until = এই লিংকটো { $date } লৈকে কাম কৰিব।
page-expired-title = এই লিংকটোৰ ম্যাদ উকলি গৈছে
page-expired-body = সন্মতিৰ লিংক সীমিত সময়ৰ বাবেহে কাম কৰে। যিটো অনুষ্ঠানে এইটো পঠিয়াইছে, সেই অনুষ্ঠানৰ পৰা এটা নতুন লিংক বিচাৰক।
page-replaced-title = এই লিংকটো সলনি কৰা হৈছে
page-replaced-body = এই অনুৰোধৰ বাবে এটা নতুন লিংক পঠিওৱা হৈছে। অনুগ্ৰহ কৰি আপুনি পোৱা আটাইতকৈ শেহতীয়া বাৰ্তাটো ব্যৱহাৰ কৰক।
page-unknown-title = লিংক পোৱা নগ'ল
page-unknown-body = এই সন্মতিৰ লিংকটোৰ কোনো অস্তিত্ব নাই। আপুনি সম্পূৰ্ণ লিংকটো খুলিছে নে নাই পৰীক্ষা কৰক।
page-error-title = কিবা এটা ভুল হ'ল
page-error-body = অনুগ্ৰহ কৰি অলপ পিছত পুনৰ চেষ্টা কৰক।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] এই লিংকটোৰ পৰা কম সময়ৰ ভিতৰত বহুতো সিদ্ধান্ত লোৱা হৈছে। আপোনাৰ শেষৰ পছন্দটো সংৰক্ষণ কৰা নহ'ল; { $minutes } মিনিটৰ পিছত পুনৰ চেষ্টা কৰক।
       *[other] এই লিংকটোৰ পৰা কম সময়ৰ ভিতৰত বহুতো সিদ্ধান্ত লোৱা হৈছে। আপোনাৰ শেষৰ পছন্দটো সংৰক্ষণ কৰা নহ'ল; { $minutes } মিনিটৰ পিছত পুনৰ চেষ্টা কৰক।
    }
decision-missing = এটা বিকল্প বাছনি কৰক: “অনুমোদন কৰক”, “পছন্দ সংৰক্ষণ কৰক” বা “প্ৰত্যাখ্যান কৰক”।
decision-invalid = এই পছন্দটো সংৰক্ষণ কৰিব নোৱাৰি: এই পৃষ্ঠাটো খোলাৰ পিছত জাননীখন সলনি হৈছে। পৃষ্ঠাটো পুনৰ লোড কৰক আৰু আকৌ বাছনি কৰক।
decision-unreadable = আপোনাৰ পছন্দ আমি পোৱা নাই। অনুগ্ৰহ কৰি পুনৰ চেষ্টা কৰক।
decision-failed-body = আপোনাৰ সিদ্ধান্ত সংৰক্ষণ কৰা নহ'ল। অনুগ্ৰহ কৰি পুনৰ চেষ্টা কৰক।

## The email that carries a consent link.

email-link-subject = { $org }: আপোনাৰ সন্মতি বিচৰা হৈছে
email-link-heading = { $org }-এ আপোনাৰ সন্মতি বিচাৰিছে
email-link-intro = { $org }-এ “{ $collection }”-ৰ বাবে আপোনাৰ সন্মতি বিচাৰিছে। তেওঁলোকে আপোনাৰ তথ্যৰে কি কৰিব বিচাৰে পঢ়ক আৰু প্ৰতিটো উদ্দেশ্যৰ বাবে পৃথকে সিদ্ধান্ত লওক।
email-link-button = পঢ়ি সিদ্ধান্ত লওক
email-link-expiry = লিংকটো { $date } লৈকে কাম কৰিব। পিছত এই একেটা লিংকৰ জৰিয়তে আপুনি আপোনাৰ সিদ্ধান্ত সলনি বা প্ৰত্যাহাৰ কৰিব পাৰিব।
