import type { ErrorMessages } from "../describe.ts";

/** Hebrew. */
export default {
  network: "אין חיבור לשרת. יש לבדוק את החיבור ולנסות שוב.",
  rateLimited: "יותר מדי בקשות בזמן קצר. יש להמתין דקה ולנסות שוב.",
  unavailable: "הפורום אינו מגיב כרגע. יש לנסות שוב בעוד רגע.",
  unauthorized: "תוקף ההתחברות שלך פג. יש להתחבר מחדש.",
  forbiddenOrigin: "לאתר זה אין הרשאה לפרסם בפורום.",
  duplicate: "הפעולה כבר נשלחת. יש להמתין רגע.",
  votingHandoff: "בפורום זה מצביעים בפורום עצמו.",
  voteBudgetSpent: "לא נותרו לך קולות. יש לבטל אחד מהקולות שנתת בנושא אחר כדי להצביע כאן.",
  writeOutcomeUnknown:
    "הפורום לא ענה בזמן, ולכן לא ידוע אם הפעולה נשמרה. יש לטעון מחדש את הדף ולבדוק לפני שמנסים שוב.",
  rejected: "הפורום לא קיבל את זה.",
  invalid: "משהו בבקשה לא התקבל.",
  unknown: "משהו השתבש. יש לנסות שוב.",
  notFound: "זה כבר לא קיים.",
  topicNotFound: "הנושא הזה כבר לא קיים.",
  forumNotFound: "פורום {forum} אינו קיים או אינו ציבורי.",
  forumMissing: "לא הוגדר פורום ללוח זה.",
  titleLength: "הכותרת צריכה להכיל בין {min} ל־{max} תווים.",
  descriptionLength: "התיאור יכול להכיל עד {max} תווים.",
  commentLength: "התגובה צריכה להכיל בין {min} ל־{max} תווים.",
} satisfies ErrorMessages;
