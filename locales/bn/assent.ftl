## This language's own name, as the language switcher shows it.

language-name = বাংলা

## The hosted consent page.

page-language = ভাষা
page-asks-consent = { $org } আপনার সম্মতি চাইছে
page-notice = বিজ্ঞপ্তি
page-purposes = আপনার তথ্য কী কাজে ব্যবহার করা হবে
page-purposes-hint = যে উদ্দেশ্যগুলিতে আপনি সম্মত, সেগুলিতে টিক দিন, তারপর আপনার পছন্দ সংরক্ষণ করুন। অথবা সবগুলি অনুমোদন বা প্রত্যাখ্যান করুন।
page-required = আবশ্যক
page-data-used = ব্যবহৃত তথ্য: { $categories }
page-approve = অনুমোদন করুন
page-decline = প্রত্যাখ্যান করুন
page-save = পছন্দ সংরক্ষণ করুন
page-withdraw = সম্মতি প্রত্যাহার করুন
page-receipt-title = আপনার সিদ্ধান্ত নথিভুক্ত হয়েছে
page-receipt-summary =
    { $action ->
        [approved] আপনি { $date } তারিখে সব উদ্দেশ্য অনুমোদন করেছেন।
        [declined] আপনি { $date } তারিখে সব উদ্দেশ্য প্রত্যাখ্যান করেছেন।
        [withdrawn] আপনি { $date } তারিখে আপনার সম্মতি প্রত্যাহার করেছেন।
       *[partial] আপনি { $date } তারিখে কিছু উদ্দেশ্য অনুমোদন করেছেন।
    }
page-granted = অনুমতি আছে
page-not-granted = অনুমতি নেই
page-reference = সূত্র: { $reference }
page-change-hint = এই একই লিংকের মাধ্যমে আপনি যেকোনো সময় আপনার সিদ্ধান্ত পরিবর্তন বা প্রত্যাহার করতে পারেন।
page-receipt-download = স্বাক্ষরিত রসিদ ডাউনলোড করুন
page-export = আপনার সম্মতি সম্পর্কে নথিভুক্ত সবকিছু ডাউনলোড করুন
page-valid-until = এই লিংকটি { $date } পর্যন্ত কাজ করবে।
page-expired-title = এই লিংকের মেয়াদ শেষ হয়ে গেছে
page-expired-body = সম্মতির লিংক সীমিত সময়ের জন্য কাজ করে। যে প্রতিষ্ঠান এটি পাঠিয়েছে, তাদের কাছে একটি নতুন লিংক চেয়ে নিন।
page-replaced-title = এই লিংকটি বদলে দেওয়া হয়েছে
page-replaced-body = এই অনুরোধের জন্য একটি নতুন লিংক পাঠানো হয়েছে। অনুগ্রহ করে আপনার পাওয়া সবচেয়ে সাম্প্রতিক বার্তাটি ব্যবহার করুন।
page-unknown-title = লিংক পাওয়া যায়নি
page-unknown-body = এই সম্মতির লিংকটির কোনো অস্তিত্ব নেই। আপনি পুরো লিংকটি খুলেছেন কি না, তা দেখে নিন।
page-error-title = কিছু একটা সমস্যা হয়েছে
page-error-body = অনুগ্রহ করে কিছুক্ষণ পরে আবার চেষ্টা করুন।

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] অল্প সময়ের মধ্যে এই লিংক থেকে অনেকগুলি সিদ্ধান্ত নেওয়া হয়েছে। আপনার শেষ পছন্দটি সংরক্ষিত হয়নি; { $minutes } মিনিট পরে আবার চেষ্টা করুন।
       *[other] অল্প সময়ের মধ্যে এই লিংক থেকে অনেকগুলি সিদ্ধান্ত নেওয়া হয়েছে। আপনার শেষ পছন্দটি সংরক্ষিত হয়নি; { $minutes } মিনিট পরে আবার চেষ্টা করুন।
    }
decision-missing = একটি বিকল্প বেছে নিন: “অনুমোদন করুন”, “পছন্দ সংরক্ষণ করুন” অথবা “প্রত্যাখ্যান করুন”।
decision-invalid = এই পছন্দটি সংরক্ষণ করা যাচ্ছে না: এই পৃষ্ঠাটি খোলার পর বিজ্ঞপ্তিটি বদলে গেছে। পৃষ্ঠাটি আবার লোড করুন এবং আবার বেছে নিন।
decision-unreadable = আপনার পছন্দটি আমাদের কাছে পৌঁছায়নি। অনুগ্রহ করে আবার চেষ্টা করুন।
decision-failed-body = আপনার সিদ্ধান্ত সংরক্ষিত হয়নি। অনুগ্রহ করে আবার চেষ্টা করুন।

## The email that carries a consent link.

email-link-subject = { $org }: আপনার সম্মতি চাওয়া হচ্ছে
email-link-heading = { $org } আপনার সম্মতি চাইছে
email-link-intro = { $org } “{ $collection }”-এর জন্য আপনার সম্মতি চাইছে। তারা আপনার তথ্য নিয়ে কী করতে চায় তা পড়ুন এবং প্রতিটি উদ্দেশ্যের জন্য আলাদাভাবে সিদ্ধান্ত নিন।
email-link-button = পড়ে সিদ্ধান্ত নিন
email-link-expiry = লিংকটি { $date } পর্যন্ত কাজ করবে। পরে এই একই লিংকের মাধ্যমে আপনি আপনার সিদ্ধান্ত পরিবর্তন বা প্রত্যাহার করতে পারবেন।
