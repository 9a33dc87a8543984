"""Rebuild the example maps in this folder from the descriptions below.

    python examples/make_examples.py

The examples are written through the public model API, so they are always
valid maps of the current format.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from numbered_ids import NumberedIds  # noqa: E402

from journeymapper.io import save  # noqa: E402
from journeymapper.model import JourneyMap, Kind  # noqa: E402
from journeymapper.templates import new_from_template  # noqa: E402

HERE = Path(__file__).resolve().parent

# Each card: (stage index, kind, key, text, fields). Links: (key, key).
LAPTOP_CARDS = [
    (0, Kind.ACTION, "a_search", "Googles \"best laptop under $900 for work and gaming\"", {}),
    (0, Kind.THOUGHT, "t_overpay", "\"I don't want to pay for specs I'll never use.\"", {}),
    (0, Kind.EMOTION, "e0", "Curious", {"score": 1}),
    (0, Kind.TOUCHPOINT, "tp_search", "Search results & shopping ads", {"channel": "search",
                                                                        "owner": "Marketing"}),
    (0, Kind.PAIN_POINT, "p_ads", "Ads push premium models far above the budget",
     {"severity": 2, "evidence": ["Interview #4: 'every ad was a $1,500 machine'"]}),
    (1, Kind.ACTION, "a_blog", "Reads a blog comparison of five mid-range laptops", {}),
    (1, Kind.ACTION, "a_review", "Watches a 20-minute video review of the top two", {}),
    (1, Kind.THOUGHT, "t_sponsored", "\"Is this review sponsored? Every site ranks them differently.\"",
     {}),
    (1, Kind.EMOTION, "e1", "Overwhelmed", {"score": -1}),
    (1, Kind.TOUCHPOINT, "tp_blog", "Tech blog comparison article", {"channel": "web",
                                                                     "owner": "Content"}),
    (1, Kind.TOUCHPOINT, "tp_video", "Video review", {"channel": "social", "owner": "Partnerships"}),
    (1, Kind.PAIN_POINT, "p_specs", "Specs are hard to compare across sites (different names, "
     "missing battery figures)", {"severity": 4, "evidence": ["27 support chats in Sept asked "
                                                               "for battery life"]}),
    (1, Kind.OPPORTUNITY, "o_compare", "Side-by-side comparison tool on product pages",
     {"impact": 4, "effort": 3, "owner": "Web team", "status": "in progress",
      "due": "2026-12-01", "votes": 9}),
    (2, Kind.ACTION, "a_coupon", "Searches for a coupon code before paying", {}),
    (2, Kind.ACTION, "a_buy", "Buys on the store website", {}),
    (2, Kind.THOUGHT, "t_code", "\"Why is the code not working? Am I being tricked?\"", {}),
    (2, Kind.EMOTION, "e2", "Frustrated", {"score": -2}),
    (2, Kind.TOUCHPOINT, "tp_coupon", "Coupon aggregator sites", {"channel": "search",
                                                                  "owner": "Marketing"}),
    (2, Kind.TOUCHPOINT, "tp_checkout", "Store checkout", {"channel": "web", "owner": "E-commerce"}),
    (2, Kind.PAIN_POINT, "p_coupon", "Coupon code from an aggregator is rejected at checkout",
     {"severity": 5, "evidence": ["Checkout error logs: 1,240 invalid codes/week",
                                  "\"I almost left for another store\""]}),
    (2, Kind.PAIN_POINT, "p_shipping", "Shipping cost appears only at the last step",
     {"severity": 4}),
    (2, Kind.OPPORTUNITY, "o_total", "Show the total price with shipping from the product page on",
     {"impact": 5, "effort": 2, "owner": "E-commerce", "status": "planned", "due": "2026-11-30",
      "votes": 14}),
    (2, Kind.OPPORTUNITY, "o_autocoupon", "Apply the best valid coupon automatically",
     {"impact": 4, "effort": 4, "owner": "CRM", "status": "idea", "votes": 11}),
    (3, Kind.ACTION, "a_setup", "Follows setup tips, registers the warranty", {}),
    (3, Kind.THOUGHT, "t_emails", "\"Three emails a week? I'll unsubscribe.\"", {}),
    (3, Kind.EMOTION, "e3", "Reassured", {"score": 1}),
    (3, Kind.TOUCHPOINT, "tp_followup", "Follow-up email: setup tips", {"channel": "email",
                                                                       "owner": "CRM"}),
    (3, Kind.TOUCHPOINT, "tp_loyalty", "Loyalty programme emails", {"channel": "email",
                                                                    "owner": "CRM"}),
    (3, Kind.PAIN_POINT, "p_frequency", "Loyalty emails come too often and repeat offers",
     {"severity": 2}),
    (3, Kind.OPPORTUNITY, "o_frequency", "Let customers choose how often they hear from us",
     {"impact": 3, "effort": 1, "owner": "CRM", "status": "done", "due": "2026-10-15",
      "votes": 7}),
    (4, Kind.ACTION, "a_review_write", "Writes a review and tells a colleague about the deal", {}),
    (4, Kind.THOUGHT, "t_recommend", "\"I'd recommend it, if the price stays this low.\"", {}),
    (4, Kind.EMOTION, "e4", "Proud of the deal", {"score": 2}),
    (4, Kind.TOUCHPOINT, "tp_reviewreq", "Review request email", {"channel": "email",
                                                                  "owner": "CRM"}),
    (4, Kind.OPPORTUNITY, "o_referral", "Referral discount for friends and colleagues",
     {"impact": 3, "effort": 2, "owner": "Marketing", "status": "idea", "votes": 5}),
    (4, Kind.GOAL, "g_nps", "Customers recommend us after their first purchase",
     {"metric": "NPS >= 40 in the Advocacy survey"}),
]
LAPTOP_LINKS = [
    ("a_search", "tp_search"), ("p_ads", "tp_search"), ("a_blog", "tp_blog"),
    ("a_review", "tp_video"), ("a_blog", "a_review"), ("p_specs", "tp_blog"),
    ("o_compare", "p_specs"), ("t_sponsored", "p_specs"), ("a_coupon", "tp_coupon"),
    ("a_coupon", "a_buy"), ("a_buy", "tp_checkout"), ("p_coupon", "tp_checkout"),
    ("p_shipping", "tp_checkout"), ("o_autocoupon", "p_coupon"), ("o_total", "p_shipping"),
    ("t_code", "p_coupon"), ("a_setup", "tp_followup"), ("p_frequency", "tp_loyalty"),
    ("o_frequency", "p_frequency"), ("t_emails", "p_frequency"),
    ("a_review_write", "tp_reviewreq"), ("a_search", "a_blog"),
]

KOREAN_CARDS = [
    (0, Kind.ACTION, "a_sns", "인스타그램에서 새벽배송 광고를 본다", {}),
    (0, Kind.THOUGHT, "t_fresh", "\"정말 아침 7시 전에 신선하게 오나?\"", {}),
    (0, Kind.EMOTION, "e0", "호기심", {"score": 1}),
    (0, Kind.TOUCHPOINT, "tp_insta", "인스타그램 광고", {"channel": "social", "owner": "마케팅팀"}),
    (1, Kind.ACTION, "a_compare", "다른 마켓과 가격·배송비를 비교한다", {}),
    (1, Kind.THOUGHT, "t_fee", "\"최소 주문 금액이 너무 높은 것 같아.\"", {}),
    (1, Kind.EMOTION, "e1", "망설임", {"score": -1}),
    (1, Kind.TOUCHPOINT, "tp_app", "모바일 앱 상품 목록", {"channel": "mobile app", "owner": "앱팀"}),
    (1, Kind.PAIN_POINT, "p_minimum", "최소 주문 금액과 배송비 조건을 찾기 어렵다",
     {"severity": 3}),
    (1, Kind.OPPORTUNITY, "o_banner", "장바구니 상단에 무료배송까지 남은 금액 표시",
     {"impact": 4, "effort": 1, "owner": "앱팀", "status": "planned", "due": "2026-12-10",
      "votes": 6}),
    (2, Kind.ACTION, "a_pay", "간편결제로 밤 11시에 주문한다", {}),
    (2, Kind.EMOTION, "e2", "불안", {"score": -2}),
    (2, Kind.TOUCHPOINT, "tp_pay", "결제 화면", {"channel": "mobile app", "owner": "결제팀"}),
    (2, Kind.PAIN_POINT, "p_cutoff", "마감 시간 직전 주문이 다음 날 배송으로 넘어간다는 안내가 없다",
     {"severity": 5, "evidence": ["고객센터 문의 9월 312건"]}),
    (2, Kind.OPPORTUNITY, "o_cutoff", "주문 마감까지 남은 시간을 결제 버튼 옆에 표시",
     {"impact": 5, "effort": 2, "owner": "결제팀", "status": "in progress", "votes": 12}),
    (3, Kind.ACTION, "a_receive", "문 앞에서 보냉 박스를 받는다", {}),
    (3, Kind.EMOTION, "e3", "만족", {"score": 2}),
    (3, Kind.TOUCHPOINT, "tp_delivery", "새벽배송 기사", {"channel": "delivery", "owner": "물류팀"}),
    (3, Kind.PAIN_POINT, "p_packaging", "포장재가 너무 많아 분리수거가 번거롭다", {"severity": 3}),
    (3, Kind.OPPORTUNITY, "o_return", "보냉 박스 회수 서비스", {"impact": 3, "effort": 3,
                                                          "owner": "물류팀", "status": "idea"}),
    (4, Kind.ACTION, "a_share", "맘카페에 후기를 올린다", {}),
    (4, Kind.THOUGHT, "t_recommend", "\"아이 있는 집이면 꼭 써 보라고 하고 싶다.\"", {}),
    (4, Kind.EMOTION, "e4", "뿌듯함", {"score": 1}),
    (4, Kind.TOUCHPOINT, "tp_review", "리뷰 작성 알림", {"channel": "mobile app", "owner": "CRM팀"}),
    (4, Kind.GOAL, "g_nps", "첫 구매 후 추천 의향 높이기", {"metric": "NPS 30 이상"}),
]
KOREAN_LINKS = [
    ("a_sns", "tp_insta"), ("a_compare", "tp_app"), ("p_minimum", "tp_app"),
    ("o_banner", "p_minimum"), ("t_fee", "p_minimum"), ("a_pay", "tp_pay"),
    ("p_cutoff", "tp_pay"), ("o_cutoff", "p_cutoff"), ("a_receive", "tp_delivery"),
    ("p_packaging", "tp_delivery"), ("o_return", "p_packaging"), ("a_share", "tp_review"),
]


def build(template: str, title: str, persona: dict, cards: list, links: list,
          loops: list[tuple[int, int]], description: str, authors: list[str]) -> JourneyMap:
    doc = new_from_template(template, title=title, ids=NumberedIds())
    doc.set_meta("description", description)
    doc.set_meta("authors", authors)
    doc.set_meta("created", "2026-10-05")
    stages = list(doc.stage_order)
    persona_lane = doc.lane_for_kind(Kind.PERSONA)
    assert persona_lane is not None
    persona_id = doc.add_card(Kind.PERSONA, None, persona_lane.id, **persona)
    keys: dict[str, str] = {}
    for stage_index, kind, key, text, fields in cards:
        lane = doc.lane_for_kind(kind) or doc.lanes[-1]
        keys[key] = doc.add_card(kind, stages[stage_index], lane.id, text, **fields)
    for a, b in links:
        doc.link(keys[a], keys[b])
    for stage in stages:
        doc.link(persona_id, stage)
    for a, b in loops:
        doc.link(stages[a], stages[b])
    return doc


def main() -> None:
    laptop = build(
        "ecommerce", "Laptop store: the price-sensitive buyer",
        {"text": "Daniel Kim", "quote": "I research for weeks so I never overpay.",
         "avatar": "DK", "age_group": "25-34", "role": "Junior data analyst",
         "segment": "Price-sensitive researcher",
         "goals": "A laptop for work and light gaming under $900",
         "motivations": "Value for money, trustworthy reviews",
         "frustrations": "Hidden costs, sponsored reviews, spam",
         "behaviours": "Compares 5+ sites, hunts for coupons, reads reviews on YouTube"},
        LAPTOP_CARDS, LAPTOP_LINKS, loops=[(1, 0), (4, 0)],
        description="How a price-sensitive buyer finds, compares and buys a laptop from our "
                    "online store, and what brings him back. Workshop of 2026-10-05 with "
                    "Sales, Support, CRM and the Web team.",
        authors=["CX research", "Web team", "CRM"])
    laptop.set_extra("workshop", {"date": "2026-10-05", "facilitator": "Hana Lee"})
    save(laptop, HERE / "laptop-store.jmap", backup=False)

    korean = build(
        "ecommerce-ko", "신선마켓 새벽배송 고객 여정",
        {"text": "김지은", "quote": "퇴근하고 장 볼 시간이 없어요.", "avatar": "지은",
         "age_group": "30대", "role": "맞벌이 직장인, 5살 아이 엄마", "segment": "새벽배송 신규 고객",
         "goals": "아침 전에 신선한 식재료 받기", "motivations": "시간 절약, 아이 건강",
         "frustrations": "배송비 조건, 과대 포장", "behaviours": "밤 10시 이후 모바일로 주문"},
        KOREAN_CARDS, KOREAN_LINKS, loops=[(4, 0)],
        description="새벽배송 서비스를 처음 이용하는 고객의 여정. 2026년 10월 워크숍 결과.",
        authors=["CX팀", "앱팀", "물류팀"])
    save(korean, HERE / "dawn-delivery-ko.jmap", backup=False)


if __name__ == "__main__":
    main()
