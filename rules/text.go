package rules

import (
	"fmt"
	"strings"
)

// The JSON names of Delivery and OpinionAnswer, as hosts store them.

// MarshalText writes d as "by_hand", "by_post" or "electronic".
func (d Delivery) MarshalText() ([]byte, error) {
	switch d {
	case ByHand:
		return []byte("by_hand"), nil
	case ByPost:
		return []byte("by_post"), nil
	case Electronically:
		return []byte("electronic"), nil
	}
	return nil, fmt.Errorf("rules: invalid delivery %d", uint8(d))
}

// UnmarshalText reads a delivery written by MarshalText.
func (d *Delivery) UnmarshalText(b []byte) error {
	for x := ByHand; x <= Electronically; x++ {
		if t, _ := x.MarshalText(); string(t) == string(b) {
			*d = x
			return nil
		}
	}
	return fmt.Errorf("rules: unknown delivery %q: want by_hand, by_post or electronic", b)
}

// MarshalText writes a as "accept", "object" or "refuse".
func (a OpinionAnswer) MarshalText() ([]byte, error) {
	switch a {
	case Accept:
		return []byte("accept"), nil
	case Object:
		return []byte("object"), nil
	case Refuse:
		return []byte("refuse"), nil
	}
	return nil, fmt.Errorf("rules: invalid opinion answer %d", uint8(a))
}

// UnmarshalText reads an answer written by MarshalText.
func (a *OpinionAnswer) UnmarshalText(b []byte) error {
	for x := Accept; x <= Refuse; x++ {
		if t, _ := x.MarshalText(); string(t) == string(b) {
			*a = x
			return nil
		}
	}
	return fmt.Errorf("rules: unknown opinion answer %q: want accept, object or refuse", b)
}

// MarshalText writes c in its short English form, "Art. 17(1)(5)".
func (c Citation) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a citation in either form ParseCitation reads.
func (c *Citation) UnmarshalText(b []byte) error {
	parsed, err := ParseCitation(string(b))
	if err != nil {
		return err
	}
	*c = parsed
	return nil
}

// proxyActNames lists the text form of each ProxyAct, indexed by the act.
// They are the names package consult stores in a power of attorney.
func proxyActNames() []string {
	return []string{"", "reply_notice", "reply_opinion", "attend_meeting",
		"object_assessment", "agree_and_sign", "receive_documents"}
}

// MarshalText writes a as its name, such as "agree_and_sign".
func (a ProxyAct) MarshalText() ([]byte, error) {
	if names := proxyActNames(); a >= ActReplyToNotice && int(a) < len(names) {
		return []byte(names[a]), nil
	}
	return nil, fmt.Errorf("rules: invalid proxy act %d", int(a))
}

// UnmarshalText reads an act written by MarshalText.
func (a *ProxyAct) UnmarshalText(b []byte) error {
	names := proxyActNames()
	for i := range names[1:] {
		if names[i+1] == string(b) {
			*a = ProxyAct(i + 1)
			return nil
		}
	}
	return fmt.Errorf("rules: unknown proxy act %q: want one of %s", b,
		strings.Join(names[1:], ", "))
}
