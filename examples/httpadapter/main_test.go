package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// These tests stop before run listens, so they open no socket.

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		output string
	}{
		{"help", []string{"-h"}, 0, "-addr"},
		{"unknown flag", []string{"-port", "80"}, 2, "flag provided but not defined: -port"},
		{"argument", []string{"serve"}, 2, `unexpected argument "serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if code := run(context.Background(), tt.args, &stderr); code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.output) {
				t.Errorf("output lacks %q:\n%s", tt.output, stderr.String())
			}
		})
	}
}

func TestNewEngine(t *testing.T) {
	for _, provisional := range []bool{false, true} {
		engine, err := newEngine(provisional)
		if err != nil {
			t.Fatalf("newEngine(%v): %v", provisional, err)
		}
		if engine == nil {
			t.Fatalf("newEngine(%v) returned nil", provisional)
		}
	}
}
